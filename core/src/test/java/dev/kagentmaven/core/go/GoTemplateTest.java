package dev.kagentmaven.core.go;

import static dev.kagentmaven.core.go.GoTemplateTestCases.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Go text/template semantics. The table in {@link GoTemplateTestCases} holds the expected output or Go error text of
 * each template; the other tests cover the Java-side API (struct data, typed functions, value conversion, errors).
 */
class GoTemplateTest {
    static Stream<Arguments> table() {
        return Stream.of(GoTemplateTestCases.textAndValues(), GoTemplateTestCases.pipelinesAndVariables(),
                GoTemplateTestCases.control(), GoTemplateTestCases.builtins(), GoTemplateTestCases.printf(),
                GoTemplateTestCases.functionsAndErrors()).flatMap(s -> s);
    }

    /** Runs a template as kagent does: named systemMessage, "OK:" + output or "ERR:" + Go's error text. */
    static String run(String template, Object data, Map<String, GoTemplateFunction> funcs) {
        try {
            return "OK:" + GoTemplate.parse("systemMessage", template, funcs).execute(data);
        } catch (GoTemplateException e) {
            return "ERR:" + e.getMessage();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void goSemantics(String name, String template, Object data, String expected) {
        assertEquals(expected, run(template, data, GoTemplateTestCases.functions()), name);
    }

    private static GoTemplateStruct promptContext(List<String> tools) {
        return new GoTemplateStruct("agent.PromptTemplateContext", map("AgentName", "k8s-agent",
                "AgentNamespace", "kagent", "Description", "helper", "ToolNames", tools, "SkillNames", List.of()));
    }

    @Test
    void structDataLikeKagentsPromptTemplateContext() {
        Map<String, GoTemplateFunction> f = GoTemplateTestCases.functions();
        GoTemplateStruct ctx = promptContext(List.of("get-pods", "get-logs"));
        assertEquals("OK:k8s-agent/kagent: 2 tools", run("{{.AgentName}}/{{.AgentNamespace}}: {{len .ToolNames}} tools",
                ctx, f));
        assertEquals("OK:{k8s-agent kagent helper [get-pods get-logs] []}", run("{{.}}", ctx, f));
        assertEquals("OK:{AgentName:k8s-agent AgentNamespace:kagent Description:helper ToolNames:[get-pods get-logs]"
                + " SkillNames:[]}", run("{{printf \"%+v\" .}}", ctx, f));
        assertEquals("OK:true", run("{{if .}}true{{end}}", ctx, f));
        assertEquals("ERR:template: systemMessage:1:2: executing \"systemMessage\" at <.Missing>: can't evaluate field"
                + " Missing in type agent.PromptTemplateContext", run("{{.Missing}}", ctx, f));
        assertEquals("ERR:template: systemMessage:1:2: executing \"systemMessage\" at <len .>: error calling len: len of"
                + " type agent.PromptTemplateContext", run("{{len .}}", ctx, f));
        assertEquals("ERR:template: systemMessage:1:2: executing \"systemMessage\" at <eq . .>: error calling eq:"
                + " non-comparable type {k8s-agent kagent helper [get-pods get-logs] []}: agent.PromptTemplateContext",
                run("{{eq . .}}", ctx, f));
    }

    @Test
    void structAndMapDataGiveTheSameKagentPrompt() {
        String tmpl = "{{include \"builtin/safety\"}}\nYou are {{.AgentName}} in {{.AgentNamespace}}.\n"
                + "{{- if .ToolNames}}\nTools:\n{{- range .ToolNames}}\n- {{.}}\n{{- end}}\n{{- end}}";
        Map<String, GoTemplateFunction> f = GoTemplateTestCases.functions();
        assertEquals(run(tmpl, GoTemplateTestCases.kagent(true), f), run(tmpl, promptContext(List.of("get-pods",
                "get-logs")), f));
        assertEquals("OK:Be safe.\nYou are k8s-agent in kagent.", run(tmpl, promptContext(List.of()), f));
    }

    @Test
    void javaNumbersAndArraysAreGoValues() {
        Map<String, Object> data = map("I", 7, "S", (short) 3, "Fl", 2.5f, "BD", new BigDecimal("0.1"),
                "Arr", new Object[] {"a", 2}, "Ch", 'c');
        assertEquals("OK:7 3 2.5 0.1 [a 2] c true", run("{{.I}} {{.S}} {{.Fl}} {{.BD}} {{.Arr}} {{.Ch}} {{eq .I 7}}",
                data, Map.of()));
        Map<String, GoTemplateFunction> f = Map.of("five", a -> 5, "none", a -> null);
        assertEquals("OK:true int <no value> <nil> false", run("{{eq five 5}} {{printf \"%T\" five}} {{none}}"
                + " {{printf \"%v\" none}} {{if none}}x{{else}}false{{end}}", null, f));
    }

    @Test
    void functionErrorsAreWrappedWithTheCallSite() {
        Map<String, GoTemplateFunction> f = Map.of("boom", a -> {
            throw new IllegalStateException();
        }, "npe", a -> ((String) null).length());
        assertEquals("ERR:template: systemMessage:2:2: executing \"systemMessage\" at <boom 1>: error calling boom:"
                + " java.lang.IllegalStateException", run("x\n{{boom 1}}", null, f));
        assertTrue(run("{{npe}}", null, f).startsWith("ERR:template: systemMessage:1:2: executing \"systemMessage\" at"
                + " <npe>: error calling npe: "));
    }

    @Test
    void userFunctionsOverrideBuiltinsAndBreakCanBeAFunction() {
        Map<String, GoTemplateFunction> f = Map.of("len", a -> "mine", "break", a -> "B");
        assertEquals("OK:mine B", run("{{len 1 2}} {{break}}", null, f));
    }

    @Test
    void typedFunctionsCheckArguments() {
        GoTemplateFunction add = GoTemplateFunction.typed("int, int", a -> (Long) a.get(0) + (Long) a.get(1));
        GoTemplateFunction join = GoTemplateFunction.typed("string, ...any", a -> a.get(0) + GoTemplatePrintf.sprint(
                a.subList(1, a.size())));
        GoTemplateFunction half = GoTemplateFunction.typed("float64", a -> (Double) a.get(0) / 2);
        Map<String, GoTemplateFunction> f = Map.of("add", add, "join", join, "half", half);
        assertEquals("OK:5 -1 1", run("{{add 2 3}} {{join \"-\" 1}} {{3 | add -1 | printf \"%d\" | len}}", null, f));
        assertEquals("OK:1.5 1", run("{{half 3}} {{half 2.0}}", null, f));
        assertEquals("ERR:template: systemMessage:1:6: executing \"systemMessage\" at <1.5>: expected integer; found 1.5",
                run("{{add 1.5 2}}", null, f));
        assertEquals("ERR:template: systemMessage:1:2: executing \"systemMessage\" at <join>: wrong number of args for"
                + " join: want at least 1 got 0", run("{{join}}", null, f));
        assertEquals("ERR:template: systemMessage:1:7: executing \"systemMessage\" at <true>: expected float; found"
                + " true", run("{{half true}}", null, f));
        assertThrows(GoTemplateException.class, () -> GoTemplateFunction.typed("strin", a -> a));
    }

    @Test
    void badFunctionMapsAndNullsAreGoTemplateExceptions() {
        GoTemplateException e = assertThrows(GoTemplateException.class,
                () -> GoTemplate.parse("t", "x", Map.of("1x", a -> a)));
        assertEquals("function name \"1x\" is not a valid identifier", e.getMessage());
        assertThrows(GoTemplateException.class, () -> GoTemplate.parse(null, "x", null));
        assertThrows(GoTemplateException.class, () -> GoTemplate.parse("t", null, null));
        assertEquals("OK:x", run("x", null, null));
    }

    @Test
    void aParsedTemplateIsReusable() {
        GoTemplate t = GoTemplate.parse("systemMessage", "{{$x := .A}}{{range .L}}{{$x}}{{.}}{{end}}", Map.of());
        assertEquals("a1a2", t.execute(map("A", "a", "L", List.of(1, 2))));
        assertEquals("b3", t.execute(map("A", "b", "L", List.of(3))));
        assertEquals("systemMessage", t.name());
    }

    @Test
    void infiniteTemplateRecursionIsAGoError() {
        String out = run("{{define \"r\"}}{{template \"r\" .}}{{end}}{{template \"r\" .}}", null, Map.of());
        assertTrue(out.startsWith("ERR:template: systemMessage:1:"), out);
        assertTrue(out.endsWith("exceeded maximum template depth (100000)"), out);
    }

    @Test
    void deeplyNestedParenthesesAreAParseError() {
        String deep = "{{" + "(".repeat(10001) + "1" + ")".repeat(10001) + "}}";
        assertTrue(run(deep, null, Map.of()).startsWith("ERR:template: systemMessage:"));
        assertEquals("OK:1", run("{{" + "(".repeat(50) + "1" + ")".repeat(50) + "}}", null, Map.of()));
    }

    /** Random token soup must only ever produce output or a GoTemplateException. */
    @Test
    void noOtherJavaExceptionEscapes() {
        String[] tokens = {"{{", "}}", "{{- ", " -}}", " ", ".", ".A", ".L", ".Map", ".Nil", "$", "$x", ":=", "=", "|",
            "(", ")", "\"s\"", "`r`", "'c'", "1", "-2", "1.5", "0x1F", "nil", "true", "if", "else", "end", "range",
            "with", "break", "continue", "define", "template", "block", "\"T\"", "len", "index", "slice", "printf",
            "\"%d %s %v %q %5.2f %x\"", "eq", "lt", "and", "or", "not", "print", "html", "js", "call", "include", ",",
            "/*", "*/", "\n", "text", "#", "\u00e9"};
        Random rnd = new Random(42);
        Map<String, GoTemplateFunction> f = GoTemplateTestCases.functions();
        for (int i = 0; i < 20000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + rnd.nextInt(14);
            for (int k = 0; k < n; k++) {
                sb.append(tokens[rnd.nextInt(tokens.length)]);
            }
            try {
                GoTemplate.parse("systemMessage", sb.toString(), f).execute(GoTemplateTestCases.D);
            } catch (GoTemplateException e) {
                assertTrue(e.getMessage().startsWith("template: "), e.getMessage());
                assertTrue(!e.getMessage().contains("internal error"), sb + " -> " + e.getMessage());
            } catch (RuntimeException | StackOverflowError e) {
                fail(sb + " -> " + e, e);
            }
        }
    }

    @Test
    void printfFormatsEveryDataShapeWithoutJavaArtifacts() {
        List<Object> shapes = new ArrayList<>(GoTemplateTestCases.D.values());
        shapes.add(promptContext(List.of("t")));
        for (String verb : new String[] {"%v", "%+v", "%#v", "%s", "%d", "%q", "%x", "%T", "%6.2f", "%-4t", "%c"}) {
            for (Object v : shapes) {
                String s = GoTemplatePrintf.sprintf(verb, java.util.Arrays.asList(v));
                assertTrue(!s.contains("java.") && !s.contains("@"), verb + " -> " + s);
            }
        }
    }
}
