package dev.kagentmaven.core.go;

import static dev.kagentmaven.core.go.GoTemplateValues.MISSING;
import static dev.kagentmaven.core.go.GoTemplateValues.NIL_IFACE;
import static dev.kagentmaven.core.go.GoTemplateValues.dig;
import static dev.kagentmaven.core.go.GoTemplateValues.typeName;

import dev.kagentmaven.core.go.GoTemplateNode.ChainNode;
import dev.kagentmaven.core.go.GoTemplateNode.CommandNode;
import dev.kagentmaven.core.go.GoTemplateNode.FieldNode;
import dev.kagentmaven.core.go.GoTemplateNode.IdentifierNode;
import dev.kagentmaven.core.go.GoTemplateNode.NumberNode;
import dev.kagentmaven.core.go.GoTemplateNode.PipeNode;
import dev.kagentmaven.core.go.GoTemplateNode.VariableNode;
import dev.kagentmaven.core.go.GoTemplateSignature.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Execution state and expression evaluation (Go's exec.go: pipelines, commands, fields, calls, arguments). The
 * current node ({@link #at}) locates errors exactly as Go's state.at does.
 */
class GoTemplateEval {
    final GoTemplate tmpl;
    final StringBuilder out = new StringBuilder();
    String execName;
    GoTemplateNode node;
    List<String> varNames = new ArrayList<>();
    List<Object> varValues = new ArrayList<>();

    GoTemplateEval(GoTemplate tmpl) {
        this.tmpl = tmpl;
        this.execName = tmpl.name();
    }

    final void at(GoTemplateNode n) {
        node = n;
    }

    /** Go's state.errorf: the message located at the current node. */
    final GoTemplateException errorf(String message) {
        if (node == null) {
            return new GoTemplateException("template: " + execName + ": " + message);
        }
        String before = tmpl.text().substring(0, node.pos);
        int nl = before.lastIndexOf('\n');
        int col = GoTemplateStrconv.utf8Length(nl < 0 ? before : before.substring(nl + 1));
        long line = 1 + before.chars().filter(c -> c == '\n').count();
        return new GoTemplateException("template: " + tmpl.name() + ":" + line + ":" + col + ": executing "
                + GoTemplateStrconv.quote(execName) + " at <" + node + ">: " + message);
    }

    // ---- variables ----------------------------------------------------------------------------------------

    final void push(String name, Object value) {
        varNames.add(name);
        varValues.add(value);
    }

    final int mark() {
        return varNames.size();
    }

    final void pop(int mark) {
        varNames.subList(mark, varNames.size()).clear();
        varValues.subList(mark, varValues.size()).clear();
    }

    final void setVar(String name, Object value) {
        int i = varNames.lastIndexOf(name);
        if (i < 0) {
            throw errorf("undefined variable: " + name);
        }
        varValues.set(i, value);
    }

    final void setTopVar(int n, Object value) {
        varValues.set(varValues.size() - n, value);
    }

    private Object varValue(String name) {
        int i = varNames.lastIndexOf(name);
        if (i < 0) {
            throw errorf("undefined variable: " + name);
        }
        return varValues.get(i);
    }

    // ---- pipelines and commands ---------------------------------------------------------------------------

    final Object evalPipeline(Object dot, PipeNode pipe) {
        if (pipe == null) {
            return null;
        }
        at(pipe);
        Object value = MISSING;
        for (CommandNode cmd : pipe.cmds) {
            value = dig(evalCommand(dot, cmd, value));
        }
        for (VariableNode v : pipe.decl) {
            if (pipe.isAssign) {
                setVar(v.name(), value);
            } else {
                push(v.name(), value);
            }
        }
        return value;
    }

    private void notAFunction(List<GoTemplateNode> args, Object fin) {
        if (args.size() > 1 || fin != MISSING) {
            throw errorf("can't give argument to non-function " + args.get(0));
        }
    }

    private Object evalCommand(Object dot, CommandNode cmd, Object fin) {
        GoTemplateNode first = cmd.args.get(0);
        if (first instanceof FieldNode f) {
            at(f);
            return evalFieldChain(dot, dot, f.ident, cmd.args, fin);
        }
        if (first instanceof ChainNode c) {
            return evalChain(dot, c, cmd.args, fin);
        }
        if (first instanceof IdentifierNode id) {
            return evalFunction(dot, id, cmd, cmd.args, fin);
        }
        if (first instanceof PipeNode p) {
            notAFunction(cmd.args, fin);
            return evalPipeline(dot, p);
        }
        if (first instanceof VariableNode v) {
            return evalVariable(dot, v, cmd.args, fin);
        }
        at(first);
        notAFunction(cmd.args, fin);
        if (first instanceof GoTemplateNode.NilNode) {
            throw errorf("nil is not a command");
        }
        return evalEmptyInterface(dot, first);
    }

    private Object idealConstant(NumberNode n) {
        at(n);
        GoTemplateStrconv.Number c = n.number;
        boolean hexInt = n.text.length() > 2 && n.text.charAt(0) == '0'
                && (n.text.charAt(1) == 'x' || n.text.charAt(1) == 'X') && !n.text.matches(".*[pP].*");
        boolean runeInt = n.text.startsWith("'");
        if (c.isFloat() && !hexInt && !runeInt && n.text.matches(".*[.eEpP].*")) {
            return c.floatValue();
        }
        if (c.isInt()) {
            return c.intValue();
        }
        if (c.isUint()) {
            throw errorf(n.text + " overflows int");
        }
        return null;
    }

    // ---- fields ------------------------------------------------------------------------------------------

    private Object evalChain(Object dot, ChainNode chain, List<GoTemplateNode> args, Object fin) {
        at(chain);
        if (chain.node instanceof GoTemplateNode.NilNode) {
            throw errorf("indirection through explicit nil in " + chain);
        }
        Object receiver = evalArg(dot, null, chain.node);
        return evalFieldChain(dot, receiver, chain.field, args, fin);
    }

    private Object evalVariable(Object dot, VariableNode v, List<GoTemplateNode> args, Object fin) {
        at(v);
        Object value = varValue(v.name());
        if (v.ident.size() == 1) {
            notAFunction(args == null ? List.of(v) : args, fin);
            return value;
        }
        return evalFieldChain(dot, value, v.ident.subList(1, v.ident.size()), args, fin);
    }

    private Object evalFieldChain(Object dot, Object receiver, List<String> ident, List<GoTemplateNode> args,
            Object fin) {
        int n = ident.size();
        for (int i = 0; i < n - 1; i++) {
            receiver = evalField(ident.get(i), null, MISSING, receiver);
        }
        return evalField(ident.get(n - 1), args, fin, receiver);
    }

    private Object evalField(String fieldName, List<GoTemplateNode> args, Object fin, Object receiver) {
        if (receiver == null) {
            return null;
        }
        if (receiver == NIL_IFACE) {
            throw errorf("nil pointer evaluating interface {}." + fieldName);
        }
        boolean hasArgs = (args != null && args.size() > 1) || fin != MISSING;
        if (receiver instanceof Map<?, ?> m) {
            if (hasArgs) {
                throw errorf(fieldName + " is not a method but has arguments");
            }
            return m.containsKey(fieldName) ? GoTemplateValues.element(m.get(fieldName)) : null;
        }
        if (receiver instanceof GoTemplateStruct s && s.hasField(fieldName)) {
            if (hasArgs) {
                throw errorf(fieldName + " has arguments but cannot be invoked as function");
            }
            return GoTemplateValues.element(s.fields().get(fieldName));
        }
        throw errorf("can't evaluate field " + fieldName + " in type " + typeName(receiver));
    }

    // ---- function calls ------------------------------------------------------------------------------------

    private Object evalFunction(Object dot, IdentifierNode id, GoTemplateNode cmd, List<GoTemplateNode> args,
            Object fin) {
        at(id);
        GoTemplateSignature fn = tmpl.function(id.ident);
        if (fn == null) {
            throw errorf(GoTemplateStrconv.quote(id.ident) + " is not a defined function");
        }
        return evalCall(dot, fn, cmd, id.ident, args, fin);
    }

    private Object evalCall(Object dot, GoTemplateSignature fn, GoTemplateNode cmd, String name,
            List<GoTemplateNode> args, Object fin) {
        List<GoTemplateNode> argNodes = args == null ? List.of() : args.subList(1, args.size());
        int numIn = argNodes.size() + (fin != MISSING ? 1 : 0);
        int numFixed = fn.fixed.size();
        if (fn.variadic != null && numIn < numFixed) {
            throw errorf("wrong number of args for " + name + ": want at least " + numFixed + " got " + argNodes.size());
        }
        if (fn.variadic == null && numIn != numFixed) {
            throw errorf("wrong number of args for " + name + ": want " + numFixed + " got " + numIn);
        }
        if (fn.builtin && (name.equals("and") || name.equals("or"))) {
            return andOr(dot, name, argNodes, fin);
        }
        List<Object> argv = new ArrayList<>();
        for (int i = 0; i < argNodes.size(); i++) {
            argv.add(evalArg(dot, i < numFixed ? fn.fixed.get(i) : fn.variadic, argNodes.get(i)));
        }
        if (fin != MISSING) {
            argv.add(validateType(fin, numIn - 1 < numFixed ? fn.fixed.get(numIn - 1) : fn.variadic));
        }
        if (fn.builtin && name.equals("call")) {
            throw callError(cmd, argNodes, argv.get(0));
        }
        try {
            Object result = GoTemplateValues.norm(fn.apply(argv));
            return result == null ? NIL_IFACE : result;
        } catch (Exception e) {
            at(cmd);
            String msg = e.getMessage() != null ? e.getMessage() : e.toString();
            throw errorf("error calling " + name + ": " + msg);
        }
    }

    private Object andOr(Object dot, String name, List<GoTemplateNode> argNodes, Object fin) {
        Object v = null;
        for (GoTemplateNode arg : argNodes) {
            v = evalArg(dot, Type.VALUE, arg);
            if (GoTemplateValues.isTrue(v) == name.equals("or")) {
                return v;
            }
        }
        if (fin != MISSING) {
            v = validateType(fin, Type.VALUE);
        }
        return v;
    }

    /** Data never holds Go functions, so call always fails as Go's does on a non-function. */
    private GoTemplateException callError(GoTemplateNode cmd, List<GoTemplateNode> argNodes, Object fn) {
        at(cmd);
        String callee = argNodes.isEmpty() ? "" : argNodes.get(0).toString();
        return errorf("error calling call: " + (dig(fn) == null ? "call of nil"
                : "non-function " + callee + " of type " + typeName(fn)));
    }

    // ---- arguments -----------------------------------------------------------------------------------------

    /** Go's validateType; typ null (a chain's receiver) means no conversion at all. */
    private Object validateType(Object value, Type typ) {
        if (typ == null || (typ == Type.VALUE && value == NIL_IFACE)) {
            return value;
        }
        if (value == NIL_IFACE && typ != Type.ANY) {
            throw errorf("wrong type for value; expected " + typ.goName + "; got interface {}");
        }
        value = dig(value);
        if (value == null) {
            if (typ == Type.ANY || typ == Type.VALUE) {
                return null;
            }
            throw errorf("invalid value; expected " + typ.goName);
        }
        if (!typ.accepts(value)) {
            throw errorf("wrong type for value; expected " + typ.goName + "; got " + typeName(value));
        }
        return value;
    }

    final Object evalArg(Object dot, Type typ, GoTemplateNode n) {
        at(n);
        if (n instanceof GoTemplateNode.DotNode) {
            return validateType(dot, typ);
        }
        if (n instanceof GoTemplateNode.NilNode) {
            if (typ == Type.ANY || typ == Type.VALUE || typ == null) {
                return null;
            }
            throw errorf("cannot assign nil to " + typ.goName);
        }
        if (n instanceof FieldNode f) {
            return validateType(evalFieldChain(dot, dot, f.ident, List.of(n), MISSING), typ);
        }
        if (n instanceof VariableNode v) {
            return validateType(evalVariable(dot, v, null, MISSING), typ);
        }
        if (n instanceof PipeNode p) {
            return validateType(evalPipeline(dot, p), typ);
        }
        if (n instanceof IdentifierNode id) {
            return validateType(evalFunction(dot, id, id, null, MISSING), typ);
        }
        if (n instanceof ChainNode c) {
            return validateType(evalChain(dot, c, null, MISSING), typ);
        }
        return evalLiteral(dot, typ, n);
    }

    private Object evalLiteral(Object dot, Type typ, GoTemplateNode n) {
        switch (typ == null ? Type.ANY : typ) {
            case ANY, VALUE:
                return dig(evalEmptyInterface(dot, n));
            case BOOL:
                if (n instanceof GoTemplateNode.BoolNode b) {
                    return b.value;
                }
                throw errorf("expected bool; found " + n);
            case STRING:
                if (n instanceof GoTemplateNode.StringNode s) {
                    return s.text;
                }
                throw errorf("expected string; found " + n);
            case INT:
                if (n instanceof NumberNode num && num.number.isInt()) {
                    return num.number.intValue();
                }
                throw errorf("expected integer; found " + n);
            default:
                if (n instanceof NumberNode num && num.number.isFloat()) {
                    return num.number.floatValue();
                }
                throw errorf("expected float; found " + n);
        }
    }

    private Object evalEmptyInterface(Object dot, GoTemplateNode n) {
        at(n);
        if (n instanceof GoTemplateNode.BoolNode b) {
            return b.value;
        }
        if (n instanceof GoTemplateNode.DotNode) {
            return dot;
        }
        if (n instanceof NumberNode num) {
            return idealConstant(num);
        }
        if (n instanceof GoTemplateNode.StringNode s) {
            return s.text;
        }
        throw errorf("can't handle assignment of " + n + " to empty interface argument");
    }
}
