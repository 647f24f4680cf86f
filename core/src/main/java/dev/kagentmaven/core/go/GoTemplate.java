package dev.kagentmaven.core.go;

import dev.kagentmaven.core.go.GoTemplateNode.ListNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A parsed Go {@code text/template} (the commonly used subset; see the package notes in GoTemplateTest for what is
 * covered), with Go's output and Go's error messages. Immutable and safe to execute from several threads.
 *
 * <p>Data model: {@link Map} (field access looks up the key; a missing key is Go's "no value"), {@link java.util.List}
 * (slices), {@link GoTemplateStruct} (Go structs), String, Boolean, Integer/Long (Go int), Double (float64), null.
 * No HTML escaping is done (this is text/template).
 */
public final class GoTemplate {
    private final String name;
    private final String text;
    private final Map<String, ListNode> trees;
    private final Map<String, GoTemplateSignature> funcs;

    private GoTemplate(String name, String text, Map<String, ListNode> trees, Map<String, GoTemplateSignature> funcs) {
        this.name = name;
        this.text = text;
        this.trees = trees;
        this.funcs = funcs;
    }

    /**
     * Parses {@code text} as a Go text/template named {@code name} with the given extra functions (name → function;
     * they take precedence over the builtins of the same name, as in Go). Throws GoTemplateException with a Go-style
     * message on parse errors, e.g. {@code template: systemMessage:1: unexpected "}" in operand} or
     * {@code template: systemMessage:3: function "foo" not defined}.
     */
    public static GoTemplate parse(String name, String text, Map<String, GoTemplateFunction> funcs) {
        if (name == null || text == null) {
            throw new GoTemplateException("template: name and text must not be null");
        }
        Map<String, GoTemplateSignature> all = new HashMap<>(GoTemplateBuiltins.ALL);
        if (funcs != null) {
            for (Map.Entry<String, GoTemplateFunction> e : funcs.entrySet()) {
                all.put(checkedName(e.getKey(), e.getValue()), GoTemplateSignature.of(e.getValue()));
            }
        }
        Set<String> names = new HashSet<>(all.keySet());
        try {
            return new GoTemplate(name, text, Map.copyOf(GoTemplateParser.parse(name, text, names)), Map.copyOf(all));
        } catch (StackOverflowError e) {
            throw new GoTemplateException("template: " + name + ": max expression depth exceeded");
        } catch (GoTemplateException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new GoTemplateException("template: " + name + ": internal error: " + e, e);
        }
    }

    private static String checkedName(String fname, GoTemplateFunction fn) {
        boolean good = fname != null && !fname.isEmpty();
        for (int i = 0; good && i < fname.length(); ) {
            int r = fname.codePointAt(i);
            good = r == '_' || Character.isLetter(r) || (i > 0 && Character.isDigit(r));
            i += Character.charCount(r);
        }
        if (!good) {
            throw new GoTemplateException("function name " + GoTemplateStrconv.quote(String.valueOf(fname))
                    + " is not a valid identifier");
        }
        if (fn == null) {
            throw new GoTemplateException("value for " + fname + " not a function");
        }
        return fname;
    }

    /**
     * Executes with {@code data} as dot and returns the output. Throws GoTemplateException with a Go-style message on
     * execution errors, e.g. {@code template: systemMessage:1:2: executing "systemMessage" at <include "x">: error
     * calling include: <the function's message>}.
     */
    public String execute(Object data) {
        try {
            return new GoTemplateExec(this).run(data);
        } catch (GoTemplateException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new GoTemplateException("template: " + name + ": internal error: " + e, e);
        }
    }

    /** The template's name (the name given to {@link #parse}). */
    public String name() {
        return name;
    }

    String text() {
        return text;
    }

    ListNode tree(String treeName) {
        return trees.get(treeName);
    }

    GoTemplateSignature function(String fname) {
        return funcs.get(fname);
    }
}
