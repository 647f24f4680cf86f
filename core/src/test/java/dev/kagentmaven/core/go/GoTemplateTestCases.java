package dev.kagentmaven.core.go;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The table of GoTemplateTest: template, data, and Go's result ("OK:" + output or "ERR:" + error message).
 * Expected values follow Go's documented text/template and fmt semantics and were cross-checked against Go's own
 * text/template where the behavior is the same in Go 1.19; rows with a comment are newer Go behavior (kagent builds
 * with a current Go) or a documented deviation. Every template is parsed as "systemMessage" with the functions of
 * {@link #functions()}.
 */
final class GoTemplateTestCases {
    /** Data shaped like Go's map[string]interface{} decoded from JSON (ints as int, the rest float64). */
    static final Map<String, Object> D = Collections.unmodifiableMap(map(
            "A", "x", "N", 42, "F", 1.5, "F3", 3.0, "Big", 1e21, "Mil", 1000000.0, "Tiny", 0.00001, "T", true,
            "Fa", false, "Nil", null, "L", List.of("a", "b"), "E", List.of(), "Map", map("b", 2, "a", 1),
            "Nest", map("X", map("Y", "deep")), "Nums", List.of(1, 2, 3, 4), "Mixed", Arrays.asList("a", 1, null, true),
            "Empty", "", "Zero", 0, "ZeroF", 0.0, "EmptyMap", Map.of(), "Fmt", "n=%03d",
            "Fl", List.of(0.30000000000000004, 5e-324, 1.7976931348623157e308, 123456.0, 1234567.0, 2.5e-5, 100.0, -1.5),
            "Uni", "h\u00e9llo\u2192"));

    private GoTemplateTestCases() {
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** kagent's template data (as a map): AgentName, AgentNamespace, Description, ToolNames, SkillNames. */
    static Map<String, Object> kagent(boolean withTools) {
        List<String> tools = withTools ? List.of("get-pods", "get-logs") : new ArrayList<>();
        return map("AgentName", "k8s-agent", "AgentNamespace", "kagent", "Description", "helper", "ToolNames", tools,
                "SkillNames", List.of());
    }

    /** include is kagent's func(string) (string, error); incany is an untyped func(...interface{}). */
    static Map<String, GoTemplateFunction> functions() {
        Map<String, String> lookup = Map.of("builtin/safety", "Be safe.", "custom/rules", "Follow the rules.");
        GoTemplateFunction include = GoTemplateFunction.typed("string", args -> {
            String v = lookup.get((String) args.get(0));
            if (v == null) {
                throw new IllegalArgumentException("prompt template " + GoTemplateStrconv.quote((String) args.get(0))
                        + " not found");
            }
            return v;
        });
        GoTemplateFunction incany = args -> {
            if (args.isEmpty()) {
                throw new IllegalStateException("no args");
            }
            return GoTemplatePrintf.sprint(args);
        };
        return Map.of("include", include, "incany", incany);
    }

    private static Arguments c(String name, String template, String expected) {
        return Arguments.of(name, template, D, expected);
    }

    private static Arguments c(String name, String template, Object data, String expected) {
        return Arguments.of(name, template, data, expected);
    }

    /** Text, comments, trim markers, field access and the printing of values. */
    static Stream<Arguments> textAndValues() {
        return Stream.of(
            c("text_plain", "plain text", "OK:plain text"),
            c("text_empty", "", "OK:"),
            c("trim_both", "a {{- \" b \" -}} c", "OK:a b c"),
            c("trim_newlines", "a\n\n{{- .A}}\n  b", "OK:ax\n  b"),
            c("trim_right_newlines", "{{.A -}}\n\n  tail", "OK:xtail"),
            c("trim_comment", "x  {{- /* comment */ -}}  y", "OK:xy"),
            c("comment_only", "{{/* c */}}z", "OK:z"),
            c("comment_multiline", "a{{/* line1\nline2 */}}b", "OK:ab"),
            c("negative_number_not_trim", "{{-3}}", "OK:-3"),
            c("trim_then_number", "{{- 3}}", "OK:3"),
            c("trim_tabs_cr", "a \t\r\n{{- .A -}} \t\r\n b", "OK:axb"),
            c("trim_only_spaces_kept_without_marker", "a {{.A}} b", "OK:a x b"),
            c("action_with_newlines_inside", "{{\n.A\n}}", "OK:x"),
            c("field_string", "{{.A}}", "OK:x"),
            c("field_int", "{{.N}}", "OK:42"),
            c("field_float", "{{.F}}", "OK:1.5"),
            c("field_float_whole", "{{.F3}}", "OK:3"),
            c("field_float_big", "{{.Big}}", "OK:1e+21"),
            c("field_float_million", "{{.Mil}}", "OK:1e+06"),
            c("field_float_small", "{{.Tiny}}", "OK:1e-05"),
            c("field_bool", "{{.T}} {{.Fa}}", "OK:true false"),
            c("field_nil_value", "{{.Nil}}", "OK:<no value>"),
            c("field_missing", "{{.Missing}}", "OK:<no value>"),
            c("field_missing_chain", "{{.Missing.X.Y}}", "OK:<no value>"),
            c("field_list", "{{.L}}", "OK:[a b]"),
            c("field_empty_list", "{{.E}}", "OK:[]"),
            c("field_mixed_list", "{{.Mixed}}", "OK:[a 1 <nil> true]"),
            c("field_map", "{{.Map}}", "OK:map[a:1 b:2]"),
            c("field_nested_map", "{{.Nest}}", "OK:map[X:map[Y:deep]]"),
            c("field_chain", "{{.Nest.X.Y}}", "OK:deep"),
            c("dot_root", "{{.Nest.X}}", "OK:map[Y:deep]"),
            c("dollar_root", "{{with .Nest}}{{$.A}}{{end}}", "OK:x"),
            c("nil_data", "[{{.}}][{{.A}}]", null, "OK:[<no value>][<no value>]"),
            c("string_data", "{{.}}", "hello", "OK:hello"),
            c("field_on_string", "{{.A.B}}", "ERR:template: systemMessage:1:4: executing \"systemMessage\" at <.A.B>: can't evaluate field B in type string"),  // dynamic type (kagent's struct data says string; Go map data would say interface {})
            c("field_on_nil_entry", "{{.Nil.X}}", "ERR:template: systemMessage:1:6: executing \"systemMessage\" at <.Nil.X>: nil pointer evaluating interface {}.X"),
            c("field_on_int_var", "{{$n := .N}}{{$n.X}}", "ERR:template: systemMessage:1:16: executing \"systemMessage\" at <$n.X>: can't evaluate field X in type int"),
            c("field_with_args", "{{.N 1}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <.N>: N is not a method but has arguments"),
            c("field_piped_arg", "{{1 | .N}}", "ERR:template: systemMessage:1:6: executing \"systemMessage\" at <.N>: N is not a method but has arguments"),
            c("literals", "{{\"q\"}} {{`raw\\n`}} {{1}} {{1.50}} {{1e3}} {{0x1F}} {{0o17}} {{017}} {{0b101}} {{1_000}} {{'a'}} {{true}} {{-2}} {{+3}}", "OK:q raw\\n 1 1.5 1000 31 15 15 5 1000 97 true -2 3"),
            c("string_escapes", "{{\"tab\\tq\\\"u\\u00e9\\x41\\101\"}}", "OK:tab\tq\"u\u00e9AA"),
            c("raw_string_cr", "{{`a\rb`}}", "OK:ab"),
            c("floats_shortest", "{{range .Fl}}{{.}} {{end}}", "OK:0.30000000000000004 5e-324 1.7976931348623157e+308 123456 1.234567e+06 2.5e-05 100 -1.5 "),
            c("floats_printf", "{{range .Fl}}{{printf \"%.3e|%g|%.2f|%6.1f;\" . . . .}}{{end}}", "OK:3.000e-01|0.30000000000000004|0.30|   0.3;4.941e-324|5e-324|0.00|   0.0;1.798e+308|1.7976931348623157e+308|179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.00|179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.0;1.235e+05|123456|123456.00|123456.0;1.235e+06|1.234567e+06|1234567.00|1234567.0;2.500e-05|2.5e-05|0.00|   0.0;1.000e+02|100|100.00| 100.0;-1.500e+00|-1.5|-1.50|  -1.5;"),
            c("unicode_string", "{{len .Uni}} {{slice .Uni 0 1}} {{index .Uni 1}} {{printf \"%q|%x|%-8s|%.2s|%+q\" .Uni .Uni .Uni .Uni .Uni}}", "OK:9 h 195 \"h\u00e9llo\u2192\"|68c3a96c6c6fe28692|h\u00e9llo\u2192  |h\u00e9|\"h\\u00e9llo\\u2192\""),
            c("unicode_error_column", "\u00e9{{include \"nope\"}}", "ERR:template: systemMessage:1:4: executing \"systemMessage\" at <include \"nope\">: error calling include: prompt template \"nope\" not found"));
    }

    /** Pipelines, parentheses, literals as arguments and variables. */
    static Stream<Arguments> pipelinesAndVariables() {
        return Stream.of(
            c("pipe_printf", "{{.A | printf \"%s!\"}}", "OK:x!"),
            c("pipe_last_arg", "{{\"a\" | printf \"%s-%s\" \"b\"}}", "OK:b-a"),
            c("pipe_chain", "{{.L | len | printf \"n=%d\"}}", "OK:n=2"),
            c("paren", "{{printf \"%v\" (len .L)}}", "OK:2"),
            c("paren_chain_field", "{{(.Nest).X.Y}}", "OK:deep"),
            c("paren_pipe_field", "{{(index .Nest \"X\").Y}}", "OK:deep"),
            c("paren_args_error", "{{(.A) 1}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <(.A) 1>: can't give argument to non-function .A"),
            c("nil_command", "{{nil}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <nil>: nil is not a command"),
            c("nil_arg", "{{printf \"%v\" nil}}", "OK:<nil>"),
            c("nil_to_string_param", "{{printf nil}}", "ERR:template: systemMessage:1:9: executing \"systemMessage\" at <nil>: cannot assign nil to string"),
            c("var_decl", "{{$x := .A}}{{$x}}", "OK:x"),
            c("var_decl_not_printed", "[{{$x := .A}}]", "OK:[]"),
            c("var_assign", "{{$x := 1}}{{$x = 2}}{{$x}}", "OK:2"),
            c("var_assign_in_range", "{{$last := \"\"}}{{range .L}}{{$last = .}}{{end}}{{$last}}", "OK:b"),
            c("var_scope_if", "{{if true}}{{$y := 1}}{{end}}{{$y}}", "ERR:template: systemMessage:1: undefined variable \"$y\""),
            c("var_undefined", "{{$x}}", "ERR:template: systemMessage:1: undefined variable \"$x\""),
            c("var_shadow", "{{$x := 1}}{{with .A}}{{$x := 2}}{{$x}}{{end}}{{$x}}", "OK:21"),
            c("var_range_index_elem", "{{range $i, $e := .L}}{{$i}}={{$e}} {{end}}", "OK:0=a 1=b "),
            c("var_range_elem", "{{range $e := .L}}<{{$e}}>{{end}}", "OK:<a><b>"),
            c("var_range_map", "{{range $k, $v := .Map}}{{$k}}:{{$v}};{{end}}", "OK:a:1;b:2;"),
            c("var_range_assign", "{{$i := 0}}{{$e := \"\"}}{{range $i, $e = .L}}{{end}}{{$i}}{{$e}}", "OK:1b"),
            c("var_not_a_function", "{{$x := 1}}{{$x 2}}", "ERR:template: systemMessage:1:13: executing \"systemMessage\" at <$x>: can't give argument to non-function $x"),
            c("var_dollar_field", "{{$.A}}", "OK:x"),
            c("var_field_chain", "{{$n := .Nest}}{{$n.X.Y}}", "OK:deep"),
            c("var_too_many", "{{range $a, $b, $c := .L}}{{end}}", "ERR:template: systemMessage:1: too many declarations in range"),
            c("var_range_only_vars", "{{range $k, 3 := .L}}{{end}}", "ERR:template: systemMessage:1: range can only initialize variables"),
            c("var_multi_decl_non_range", "{{$a, $b := 1}}", "ERR:template: systemMessage:1: too many declarations in command"));
    }

    /** if / else if / with / else with / range / break / continue / define / template / block. */
    static Stream<Arguments> control() {
        return Stream.of(
            c("if_true", "{{if .T}}yes{{end}}", "OK:yes"),
            c("if_false_else", "{{if .Fa}}yes{{else}}no{{end}}", "OK:no"),
            c("if_else_if", "{{if .Fa}}A{{else if .N}}B{{else}}C{{end}}", "OK:B"),
            c("if_else_if_last", "{{if .Fa}}A{{else if .Zero}}B{{else}}C{{end}}", "OK:C"),
            c("if_truthiness", "{{if .Zero}}1{{end}}{{if .Empty}}2{{end}}{{if .E}}3{{end}}{{if .EmptyMap}}4{{end}}{{if .Nil}}5{{end}}{{if .Missing}}6{{end}}{{if .ZeroF}}7{{end}}{{if .Map}}8{{end}}{{if .L}}9{{end}}{{if .A}}10{{end}}", "OK:8910"),
            c("if_missing_end", "{{if .A}}x", "ERR:template: systemMessage:1: unexpected EOF"),
            c("end_without_if", "{{end}}", "ERR:template: systemMessage:1: unexpected {{end}}"),
            c("else_without_if", "{{else}}", "ERR:template: systemMessage:1: unexpected {{else}}"),
            c("else_else", "{{if .A}}a{{else}}b{{else}}c{{end}}", "ERR:template: systemMessage:1: expected end; found {{else}}"),
            c("with_value", "{{with .A}}[{{.}}]{{else}}none{{end}}", "OK:[x]"),
            c("with_missing", "{{with .Missing}}x{{else}}none{{end}}", "OK:none"),
            c("with_map", "{{with .Nest.X}}{{.Y}}{{end}}", "OK:deep"),
            c("with_decl", "{{with $v := .N}}{{$v}}{{end}}", "OK:42"),
            c("else_with", "{{with .Missing}}a{{else with .A}}b{{.}}{{else}}c{{end}}", "OK:bx"),  // Go 1.23+
            c("else_with_none", "{{with .Missing}}a{{else with .Empty}}b{{else}}c{{end}}", "OK:c"),  // Go 1.23+
            c("range_list", "{{range .L}}<{{.}}>{{end}}", "OK:<a><b>"),
            c("range_else_empty", "{{range .E}}x{{else}}empty{{end}}", "OK:empty"),
            c("range_else_missing", "{{range .Missing}}x{{else}}none{{end}}", "OK:none"),
            c("range_map_sorted", "{{range .Map}}{{.}}{{end}}", "OK:12"),
            c("range_nil_elem_field", "{{range .Mixed}}{{.}};{{end}}", "OK:a;1;<no value>;true;"),
            c("range_nil_elem_field_access", "{{range .Mixed}}{{.X}}{{end}}", "ERR:template: systemMessage:1:18: executing \"systemMessage\" at <.X>: can't evaluate field X in type string"),  // dynamic type, as above
            c("range_string_error", "{{range .A}}{{end}}", "ERR:template: systemMessage:1:8: executing \"systemMessage\" at <.A>: range can't iterate over x"),
            c("range_int", "{{range 3}}{{.}}{{end}}", "OK:012"),  // Go 1.24+ range over int
            c("range_int_var", "{{range $i := .N | printf \"%d\" | len}}{{$i}}{{end}}", "OK:01"),  // Go 1.24+
            c("range_int_zero_else", "{{range 0}}x{{else}}none{{end}}", "OK:none"),  // Go 1.24+
            c("range_int_two_vars", "{{range $i, $j := 3}}{{end}}", "ERR:template: systemMessage:1:18: executing \"systemMessage\" at <3>: can't use 3 to iterate over more than one variable"),  // Go 1.24+
            c("range_float_error", "{{range 1.5}}{{end}}", "ERR:template: systemMessage:1:8: executing \"systemMessage\" at <1.5>: range can't iterate over 1.5"),
            c("range_nested", "{{range $i, $x := .L}}{{range $.Nums}}{{$x}}{{.}}{{end}} {{end}}", "OK:a1a2a3a4 b1b2b3b4 "),
            c("range_break", "{{range .Nums}}{{if eq . 3}}{{break}}{{end}}{{.}}{{end}}", "OK:12"),
            c("range_continue", "{{range .Nums}}{{if eq . 2}}{{continue}}{{end}}{{.}}{{end}}", "OK:134"),
            c("range_break_skips_else", "{{range .Nums}}{{break}}{{else}}else{{end}}done", "OK:done"),
            c("range_nested_break", "{{range .L}}{{range $.Nums}}{{if gt . 1}}{{break}}{{end}}{{.}}{{end}}{{.}}{{end}}", "OK:1a1b"),
            c("break_outside_range", "{{break}}", "ERR:template: systemMessage:1: {{break}} outside {{range}}"),
            c("continue_outside_range", "{{if true}}{{continue}}{{end}}", "ERR:template: systemMessage:1: {{continue}} outside {{range}}"),
            c("break_in_range_else", "{{range .L}}{{else}}{{break}}{{end}}", "ERR:template: systemMessage:1: {{break}} outside {{range}}"),
            c("range_with_trim_kagent", "{{include \"builtin/safety\"}}\nYou are {{.AgentName}} in {{.AgentNamespace}}.\n{{- if .ToolNames}}\nTools:\n{{- range .ToolNames}}\n- {{.}}\n{{- end}}\n{{- end}}", kagent(true), "OK:Be safe.\nYou are k8s-agent in kagent.\nTools:\n- get-pods\n- get-logs"),
            c("range_with_trim_kagent_no_tools", "{{include \"builtin/safety\"}}\nYou are {{.AgentName}} in {{.AgentNamespace}}.\n{{- if .ToolNames}}\nTools:\n{{- range .ToolNames}}\n- {{.}}\n{{- end}}\n{{- end}}", kagent(false), "OK:Be safe.\nYou are k8s-agent in kagent."),
            c("define_template", "{{define \"T\"}}<{{.}}>{{end}}{{template \"T\" .A}}", "OK:<x>"),
            c("define_nested", "{{define \"In\"}}({{.}}){{end}}{{define \"Out\"}}[{{template \"In\" .}}]{{end}}{{template \"Out\" .N}}", "OK:[(42)]"),
            c("template_no_pipe", "{{define \"T\"}}{{.}}{{end}}{{template \"T\"}}", "OK:<no value>"),
            c("template_undefined", "{{template \"nope\"}}", "ERR:template: systemMessage:1:11: executing \"systemMessage\" at <{{template \"nope\"}}>: template \"nope\" not defined"),
            c("template_no_vars_inherited", "{{$x := 1}}{{define \"T\"}}{{$x}}{{end}}", "ERR:template: systemMessage:1: undefined variable \"$x\""),
            c("template_dollar_is_arg", "{{define \"T\"}}{{$}}{{end}}{{template \"T\" .A}}", "OK:x"),
            c("block", "{{block \"B\" .A}}[{{.}}]{{end}}!", "OK:[x]!"),
            c("define_multiple", "{{define \"a\"}}x{{end}}{{define \"a\"}}y{{end}}", "ERR:template: systemMessage:1: template: multiple definition of template \"a\""),
            c("define_empty_redefinition_ok", "{{define \"a\"}}x{{end}}{{define \"a\"}} {{end}}{{template \"a\"}}", "OK:x"),
            c("define_top_level_override", "{{define \"systemMessage\"}}from define{{end}}", "OK:from define"),
            c("define_top_level_conflict", "x{{define \"systemMessage\"}}y{{end}}", "ERR:template: systemMessage:1: template: multiple definition of template \"systemMessage\""),
            c("define_whitespace_kept_outside", "a\n{{define \"T\"}}t{{end}}\nb", "OK:a\n\nb"),
            c("define_bad_name", "{{define T}}{{end}}", "ERR:template: systemMessage:1: unexpected \"T\" in define clause"),
            c("error_in_define", "{{define \"T\"}}\n  {{include \"nope\"}}{{end}}{{template \"T\"}}", "ERR:template: systemMessage:2:4: executing \"T\" at <include \"nope\">: error calling include: prompt template \"nope\" not found"),
            c("template_recursion_limit_ok", "{{define \"R\"}}{{if .}}{{len .}}{{template \"R\" (slice . 1)}}{{end}}{{end}}{{template \"R\" .Nums}}", "OK:4321"));
    }

    /** len, index, slice, and, or, not, comparisons, print, html, js, urlquery, call. */
    static Stream<Arguments> builtins() {
        return Stream.of(
            c("len_list_string_map", "{{len .L}} {{len .A}} {{len \"h\u00e9llo\"}} {{len .Map}} {{len .E}}", "OK:2 1 6 2 0"),
            c("len_int", "{{len 3}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <len 3>: error calling len: len of type int"),
            c("len_nil", "{{len .Missing}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <len .Missing>: error calling len: reflect: call of reflect.Value.Type on zero Value"),
            c("index_list", "{{index .L 1}}", "OK:b"),
            c("index_map", "{{index .Map \"a\"}}", "OK:1"),
            c("index_map_missing", "{{index .Map \"zz\"}}", "OK:<no value>"),
            c("index_map_missing_printf", "{{printf \"%v\" (index .Map \"zz\")}}", "OK:<nil>"),
            c("index_nested", "{{index .Nest \"X\" \"Y\"}}", "OK:deep"),
            c("index_nested_missing", "{{index .Nest \"Q\" \"Y\"}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <index .Nest \"Q\" \"Y\">: error calling index: index of nil pointer"),
            c("index_out_of_range", "{{index .L 5}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <index .L 5>: error calling index: index out of range: 5"),
            c("index_at_len", "{{index .L 2}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <index .L 2>: error calling index: reflect: slice index out of range"),
            c("index_negative", "{{index .L -1}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <index .L -1>: error calling index: index out of range: -1"),
            c("index_string", "{{index \"abc\" 1}}", "OK:98"),
            c("index_int", "{{index .N 1}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <index .N 1>: error calling index: can't index item of type int"),
            c("index_map_int_key", "{{index .Map 1}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <index .Map 1>: error calling index: value has type int; should be string"),
            c("index_nil", "{{index .Missing 1}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <index .Missing 1>: error calling index: index of untyped nil"),
            c("index_list_string_key", "{{index .L \"x\"}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <index .L \"x\">: error calling index: cannot index slice/array with type string"),
            c("index_no_indexes", "{{index .L}}", "OK:[a b]"),
            c("index_nil_index", "{{index .L nil}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <index .L nil>: error calling index: cannot index slice/array with nil"),
            c("slice_list", "{{slice .L 1}} {{slice .L 0 1}} {{slice .L}} {{slice .Nums 1 3}}", "OK:[b] [a] [a b] [2 3]"),
            c("slice_string", "{{slice \"hello\" 1 3}}", "OK:el"),
            c("slice_bad", "{{slice .L 1 0}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <slice .L 1 0>: error calling slice: invalid slice index: 1 > 0"),
            c("slice_3_string", "{{slice \"abc\" 0 1 2}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <slice \"abc\" 0 1 2>: error calling slice: cannot 3-index slice a string"),
            c("slice_3_list", "{{slice .Nums 0 1 2}}", "OK:[1]"),
            c("slice_out_of_range", "{{slice .L 0 3}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <slice .L 0 3>: error calling slice: index out of range: 3"),
            c("slice_int", "{{slice .N 1}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <slice .N 1>: error calling slice: can't slice item of type int"),
            c("slice_nil", "{{slice .Missing 1}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <slice .Missing 1>: error calling slice: slice of untyped nil"),
            c("and_or", "{{and 1 0 \"x\"}} {{and 1 \"x\"}} {{or 0 \"\" \"y\"}} [{{or 0 \"\"}}] {{or .Missing \"dflt\"}}", "OK:0 x y [] dflt"),
            c("and_or_short_circuit", "{{or 1 (index .L 10)}} {{and 0 (index .L 10)}}", "OK:1 0"),
            c("and_or_pipe", "{{\"x\" | and 1}} {{0 | or \"\"}}", "OK:x 0"),
            c("and_no_args", "{{and}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <and>: wrong number of args for and: want at least 1 got 0"),
            c("not", "{{not .E}} {{not .A}} {{not .Missing}}", "OK:true false true"),
            c("not_args", "{{not 1 2}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <not>: wrong number of args for not: want 1 got 2"),
            c("eq_basic", "{{eq 1 1}} {{eq \"a\" \"b\"}} {{eq \"a\" \"b\" \"a\"}} {{eq .N 42}} {{eq .T true}} {{eq 1.5 1.5}}", "OK:true false true true true true"),
            c("eq_int_float", "{{eq 1 1.0}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <eq 1 1.0>: error calling eq: incompatible types for comparison: int and float64"),  // Go 1.21+ names the types
            c("eq_string_int", "{{eq .A 1}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <eq .A 1>: error calling eq: incompatible types for comparison: string and int"),  // Go 1.21+
            c("eq_missing", "{{eq .Missing \"x\"}} {{eq .Missing nil}} {{eq nil nil}}", "OK:false true true"),
            c("eq_lists", "{{eq .L .L}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <eq .L .L>: error calling eq: non-comparable type [a b]: []string"),  // a List of Strings is []string (kagent's ToolNames)
            c("eq_one_arg", "{{eq 1}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <eq 1>: error calling eq: missing argument for comparison"),
            c("ne", "{{ne 1 2}} {{ne \"a\" \"a\"}}", "OK:true false"),
            c("lt_le_gt_ge", "{{lt 1 2}} {{lt \"a\" \"b\"}} {{le 2 2}} {{gt 3 2}} {{ge 1 2}} {{lt 1.5 2.5}} {{gt \"b\" \"a\"}}", "OK:true true true true false true true"),
            c("lt_incompatible", "{{lt 1.5 2}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <lt 1.5 2>: error calling lt: incompatible types for comparison: float64 and int"),  // Go 1.21+
            c("lt_bool", "{{lt true false}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <lt true false>: error calling lt: invalid type for comparison"),
            c("lt_list", "{{lt .L 1}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <lt .L 1>: error calling lt: invalid type for comparison"),
            c("lt_nil", "{{lt .Missing 1}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <lt .Missing 1>: error calling lt: invalid type for comparison"),
            c("ne_incompatible", "{{ne 1 \"1\"}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <ne 1 \"1\">: error calling ne: incompatible types for comparison: int and string"),  // Go 1.21+
            c("ge_wrong_args", "{{ge 1}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <ge>: wrong number of args for ge: want 2 got 1"),
            c("print", "{{print 1 2}}|{{print \"a\" \"b\"}}|{{print \"a\" 1 \"b\"}}|{{print 1 2 \"c\" 3 4}}|{{print .Missing}}|{{print nil 1}}|{{print}}", "OK:1 2|ab|a1b|1 2c3 4|<nil>|<nil> 1|"),
            c("println", "{{println \"a\" 1}}|{{println}}", "OK:a 1\n|\n"),
            c("html", "{{html \"<a href='x'>&\\\"</a>\"}}|{{html .Missing}}|{{html 1 2}}|{{html \"a\" .Missing}}", "OK:&lt;a href=&#39;x&#39;&gt;&amp;&#34;&lt;/a&gt;|&lt;no value&gt;|1 2|a&lt;no value&gt;"),
            c("js", "{{js \"a'b\\\"c<d>&=\\\\ \\t\u00e9\"}}", "OK:a\\'b\\\"c\\u003Cd\\u003E\\u0026\\u003D\\\\ \\u0009\u00e9"),
            c("urlquery", "{{urlquery \"a b&c=d/\u00e9~*\"}}", "OK:a+b%26c%3Dd%2F%C3%A9~%2A"),
            c("call_non_function", "{{call .A}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <call .A>: error calling call: non-function .A of type string"),  // current Go names the callee
            c("call_nil", "{{call .Missing}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <call .Missing>: error calling call: call of nil"));
    }

    /** printf verbs, flags, widths and precisions (fmt.Sprintf). */
    static Stream<Arguments> printf() {
        return Stream.of(
            c("printf_s_d_v", "{{printf \"%s|%d|%v|%v\" \"str\" 42 .L .Map}}", "OK:str|42|[a b]|map[a:1 b:2]"),
            c("printf_q_t", "{{printf \"%q|%t|%q|%+q\" \"a\\\"b\" true 65 \"\u00e9\"}}", "OK:\"a\\\"b\"|true|'A'|\"\\u00e9\""),
            c("printf_float", "{{printf \"%f|%.2f|%8.3f|%-8.2f|%e|%E|%g|%G|%.3g\" 1.5 3.14159 3.14159 2.5 1234.5678 0.000123 1e-7 1e21 1234.5678}}", "OK:1.500000|3.14|   3.142|2.50    |1.234568e+03|1.230000E-04|1e-07|1E+21|1.23e+03"),
            c("printf_float_v", "{{printf \"%v %v %v %v %v %v %v %v\" 1e6 100000.0 0.000001 0.0001 123456789.0 1.0 -0.0 1e20}}", "OK:1e+06 100000 1e-06 0.0001 1.23456789e+08 1 -0 1e+20"),
            c("printf_float_round", "{{printf \"%.0f %.0f %.0f %.1f %.2f %.3e\" 0.5 1.5 2.5 0.25 1.005 1.0005}}", "OK:0 2 2 0.2 1.00 1.000e+00"),
            c("printf_hex", "{{printf \"%x|%X|%x|%X|%#x|%x|% x|%#X\" 255 255 \"hi\" \"hi\" 255 -255 \"abc\" \"hi\"}}", "OK:ff|FF|6869|6869|0xff|-ff|61 62 63|0X6869"),
            c("printf_width", "{{printf \"[%5d][%-5d][%05d][%5s][%-5s][%.3s][%5.1s][%05s]\" 42 42 -42 \"ab\" \"ab\" \"abcdef\" \"xyz\" \"ab\"}}", "OK:[   42][42   ][-0042][   ab][ab   ][abc][    x][000ab]"),
            c("printf_flags", "{{printf \"%+d|% d|%+.1f|% .1f|%08.3f|%+08.2f|%-08d|\" 5 5 1.25 1.25 -3.14159 2.5 7}}", "OK:+5| 5|+1.2| 1.2|-003.142|+0002.50|7       |"),
            c("printf_int_verbs", "{{printf \"%o|%O|%#o|%b|%#b|%c|%U|%#U|%q\" 8 8 8 5 5 65 128512 65 9731}}", "OK:10|0o10|010|101|0b101|A|U+1F600|U+0041 'A'|'\u2603'"),
            c("printf_percent", "{{printf \"100%%\"}}", "OK:100%"),
            c("printf_bad_verb", "{{printf \"%d|%t|%s|%z\" \"x\" 1 nil 1.5}}", "OK:%!d(string=x)|%!t(int=1)|%!s(<nil>)|%!z(float64=1.5)"),
            c("printf_missing_extra", "{{printf \"%d %d\" 1}}|{{printf \"%d\" 1 2 \"x\"}}|{{printf \"x\" nil}}", "OK:1 %!d(MISSING)|1%!(EXTRA int=2, string=x)|x%!(EXTRA <nil>)"),
            c("printf_noverb", "{{printf \"abc%\"}}|{{printf \"%-\"}}", "OK:abc%!(NOVERB)|%!(NOVERB)"),
            c("printf_list_verbs", "{{printf \"%d|%s|%q|%x|%5v\" .Nums .Mixed .L .L .L}}", "OK:[1 2 3 4]|[a %!s(int=1) <nil> %!s(bool=true)]|[\"a\" \"b\"]|[61 62]|[    a     b]"),
            c("printf_map_verbs", "{{printf \"%v|%d|%q\" .Map .Map .Map}}", "OK:map[a:1 b:2]|map[%!d(string=a):1 %!d(string=b):2]|map[\"a\":'\\x01' \"b\":'\\x02']"),
            c("printf_nil", "{{printf \"%v|%s|%d\" nil .Missing .Nil}}", "OK:<nil>|%!s(<nil>)|%!d(<nil>)"),
            c("printf_arg_index", "{{printf \"%[2]d %[1]d|%[3]d|%[2]d %d\" 1 2}}", "OK:2 1|%!d(BADINDEX)|2 %!d(MISSING)"),
            c("printf_star", "{{printf \"[%*d][%-*d][%.*f][%*d]\" 5 42 4 7 2 3.14159 \"x\" 1}}", "OK:[   42][7   ][3.14][%!(BADWIDTH)1]"),
            c("printf_sharp_v", "{{printf \"%#v|%#v|%#v|%#v|%#v\" \"s\" 42 1.5 .Mixed .Map}}", "OK:\"s\"|42|1.5|[]interface {}{\"a\", 1, interface {}(nil), true}|map[string]interface {}{\"a\":1, \"b\":2}"),
            c("printf_T", "{{printf \"%T|%T|%T|%T|%T|%T\" \"s\" 1 1.5 true nil .Map}}", "OK:string|int|float64|bool|<nil>|map[string]interface {}"),
            c("printf_sharp_g", "{{printf \"%#g|%#.3g|%#f|%#.0f|%#e\" 1.0 2.0 3.0 4.0 5.0}}", "OK:1.00000|2.00|3.000000|4.|5.000000e+00"),
            c("printf_float_special_b_x", "{{printf \"%b|%x|%X|%.2x|%x\" 1.0 1.0 3.5 1.999 0.0}}", "OK:4503599627370496p-52|0x1p+00|0X1.CP+01|0x1.00p+01|0x0p+00"),
            c("printf_string_format_from_field", "{{printf .Fmt .N}}", "OK:n=042"),
            c("printf_format_not_string", "{{printf 3}}", "ERR:template: systemMessage:1:9: executing \"systemMessage\" at <3>: expected string; found 3"),
            c("printf_format_int_field", "{{printf .N}}", "ERR:template: systemMessage:1:9: executing \"systemMessage\" at <.N>: wrong type for value; expected string; got int"),
            c("printf_format_missing", "{{printf .Missing}}", "ERR:template: systemMessage:1:9: executing \"systemMessage\" at <.Missing>: invalid value; expected string"),
            c("printf_no_args", "{{printf}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <printf>: wrong number of args for printf: want at least 1 got 0"),
            c("printf_width_list_elements", "{{printf \"%3d\" .Nums}}", "OK:[  1   2   3   4]"));
    }

    /** User functions (typed include, untyped incany) and parse errors. */
    static Stream<Arguments> functionsAndErrors() {
        return Stream.of(
            c("include_ok", "{{include \"builtin/safety\"}} {{include \"custom/rules\"}}", "OK:Be safe. Follow the rules."),
            c("include_error", "{{include \"nope\"}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <include \"nope\">: error calling include: prompt template \"nope\" not found"),
            c("include_error_position", "ab\n  {{ include \"nope\" }}", "ERR:template: systemMessage:2:5: executing \"systemMessage\" at <include \"nope\">: error calling include: prompt template \"nope\" not found"),
            c("include_error_piped", "{{\"nope\" | include}}", "ERR:template: systemMessage:1:11: executing \"systemMessage\" at <include>: error calling include: prompt template \"nope\" not found"),
            c("include_error_in_paren", "{{printf \"%s\" (include \"nope\")}}", "ERR:template: systemMessage:1:15: executing \"systemMessage\" at <include \"nope\">: error calling include: prompt template \"nope\" not found"),
            c("include_no_args", "{{include}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <include>: wrong number of args for include: want 1 got 0"),
            c("include_int", "{{include 3}}", "ERR:template: systemMessage:1:10: executing \"systemMessage\" at <3>: expected string; found 3"),
            c("include_int_field", "{{include .N}}", "ERR:template: systemMessage:1:10: executing \"systemMessage\" at <.N>: wrong type for value; expected string; got int"),
            c("include_two_args", "{{include \"a\" \"b\"}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <include>: wrong number of args for include: want 1 got 2"),
            c("incany_untyped", "{{incany 1 \"a\"}}|{{incany .L}}", "OK:1a|[a b]"),
            c("incany_error", "{{incany}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <incany>: error calling incany: no args"),
            c("unclosed_action", "{{.A", "ERR:template: systemMessage:1: unclosed action"),
            c("unclosed_action_multiline", "a\n{{if\n.A", "ERR:template: systemMessage:3: unclosed action started at systemMessage:2"),
            c("unexpected_brace", "{{ include \"x\" }", "ERR:template: systemMessage:1: unexpected \"}\" in operand"),
            c("unknown_function", "line1\n{{foo}}", "ERR:template: systemMessage:2: function \"foo\" not defined"),
            c("unknown_function_in_arg", "{{printf \"%s\" (bar 1)}}", "ERR:template: systemMessage:1: function \"bar\" not defined"),
            c("unclosed_comment", "{{/* unclosed", "ERR:template: systemMessage:1: unclosed comment"),
            c("comment_no_delim", "{{/* c */ x}}", "ERR:template: systemMessage:1: comment ends before closing delimiter"),
            c("non_executable_stage", "{{.A | 3}}", "ERR:template: systemMessage:1: non executable command in pipeline stage 2"),
            c("unterminated_string", "{{\"abc}}", "ERR:template: systemMessage:1: unterminated quoted string"),
            c("unterminated_raw", "{{`abc}}", "ERR:template: systemMessage:1: unterminated raw quoted string"),
            c("bad_number", "{{3x}}", "ERR:template: systemMessage:1: bad number syntax: \"3x\""),
            c("unclosed_paren", "{{(1}}", "ERR:template: systemMessage:1: unclosed left paren"),
            c("unexpected_rparen", "{{1)}}", "ERR:template: systemMessage:1: unexpected right paren"),  // current lexer
            c("empty_action", "{{}}", "ERR:template: systemMessage:1: missing value for command"),
            c("empty_parens", "{{ ( ) }}", "ERR:template: systemMessage:1: missing value for parenthesized pipeline"),
            c("bad_char", "{{a#}}", "ERR:template: systemMessage:1: bad character U+0023 '#'"),
            c("unrecognized_char", "{{\u2192}}", "ERR:template: systemMessage:1: unrecognized character in action: U+2192 '\u2192'"),
            c("dot_after_literal", "{{true.any}}", "ERR:template: systemMessage:1: unexpected . after term \"true\""),
            c("integer_overflow", "{{99999999999999999999}}", "ERR:template: systemMessage:1: integer overflow: \"99999999999999999999\""),
            c("uint_overflows_int", "{{18446744073709551615}}", "ERR:template: systemMessage:1:2: executing \"systemMessage\" at <18446744073709551615>: 18446744073709551615 overflows int"),
            c("illegal_number", "{{0x}}", "ERR:template: systemMessage:1: illegal number syntax: \"0x\""),
            c("expected_colon_equals", "{{$x : 1}}", "ERR:template: systemMessage:1: undefined variable \"$x\""),
            c("bad_escape", "{{\"\\q\"}}", "ERR:template: systemMessage:1: invalid syntax"),
            c("char_const_malformed", "{{'ab'}}", "ERR:template: systemMessage:1: malformed character constant: 'ab'"),
            c("missing_value_for_if", "{{if}}{{end}}", "ERR:template: systemMessage:1: missing value for if"),
            c("range_missing_value", "{{range $k,}}{{end}}", "ERR:template: systemMessage:1: missing value for range"),
            c("pipe_after_pipe", "{{.A | | .B}}", "ERR:template: systemMessage:1: unexpected \"|\" in command"),
            c("template_name_not_string", "{{template .A}}", "ERR:template: systemMessage:1: unexpected \".A\" in template clause"),
            c("unexpected_in_end", "{{if .A}}{{end x}}", "ERR:template: systemMessage:1: unexpected \"x\" in end"),
            c("long_token_quoted", "{{if .A}}{{end \"abcdefghijklmnop\"}}", "ERR:template: systemMessage:1: unexpected \"\\\"abcdefghi\"... in end"),
            c("trailing_pipe_allowed", "{{\"abc\" | }}", "OK:abc"),
            c("unexpected_eof_define", "{{define \"T\"}}abc", "ERR:template: systemMessage:1: unexpected EOF"));
    }
}
