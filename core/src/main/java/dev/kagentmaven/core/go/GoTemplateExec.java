package dev.kagentmaven.core.go;

import dev.kagentmaven.core.go.GoTemplateNode.ActionNode;
import dev.kagentmaven.core.go.GoTemplateNode.BranchKind;
import dev.kagentmaven.core.go.GoTemplateNode.BranchNode;
import dev.kagentmaven.core.go.GoTemplateNode.KeywordNode;
import dev.kagentmaven.core.go.GoTemplateNode.ListNode;
import dev.kagentmaven.core.go.GoTemplateNode.TemplateNode;
import dev.kagentmaven.core.go.GoTemplateNode.VariableNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Go's exec.go walk functions: text, actions, if/with/range, break/continue and template invocation. */
final class GoTemplateExec extends GoTemplateEval {
    static final int MAX_EXEC_DEPTH = 100000;

    /** Unwinds to the enclosing range (Go's walkBreak / walkContinue panics). */
    private static final class LoopSignal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final boolean isBreak;

        LoopSignal(boolean isBreak) {
            super(null, null, false, false);
            this.isBreak = isBreak;
        }
    }

    private final LoopSignal breakSignal = new LoopSignal(true);
    private final LoopSignal continueSignal = new LoopSignal(false);
    private int depth;

    GoTemplateExec(GoTemplate tmpl) {
        super(tmpl);
    }

    String run(Object data) {
        Object dot = GoTemplateValues.norm(data);
        push("$", dot);
        ListNode root = tmpl.tree(execName);
        if (root == null) {
            throw errorf(GoTemplateStrconv.quote(execName) + " is an incomplete or empty template");
        }
        try {
            walk(dot, root);
        } catch (StackOverflowError e) {
            throw errorf("exceeded maximum template depth (" + MAX_EXEC_DEPTH + ")");
        }
        return out.toString();
    }

    private void walk(Object dot, GoTemplateNode n) {
        at(n);
        if (n instanceof ActionNode a) {
            Object val = evalPipeline(dot, a.pipe);
            if (a.pipe.decl.isEmpty()) {
                printValue(a, val);
            }
        } else if (n instanceof KeywordNode k) {
            throw k.is("break") ? breakSignal : continueSignal;
        } else if (n instanceof BranchNode b) {
            if (b.kind == BranchKind.RANGE) {
                walkRange(dot, b);
            } else {
                walkIfOrWith(dot, b);
            }
        } else if (n instanceof ListNode l) {
            for (GoTemplateNode c : l.nodes) {
                walk(dot, c);
            }
        } else if (n instanceof TemplateNode t) {
            walkTemplate(dot, t);
        } else if (n instanceof GoTemplateNode.TextNode t) {
            out.append(t.text);
        } else if (!(n instanceof GoTemplateNode.CommentNode)) {
            throw errorf("unknown node: " + n);
        }
    }

    private void printValue(GoTemplateNode n, Object v) {
        at(n);
        out.append(v == null ? "<no value>" : GoTemplatePrintf.sprintValue(v));
    }

    private void walkIfOrWith(Object dot, BranchNode b) {
        int mark = mark();
        try {
            Object val = evalPipeline(dot, b.pipe);
            if (GoTemplateValues.isTrue(val)) {
                walk(b.kind == BranchKind.WITH ? val : dot, b.list);
            } else if (b.elseList != null) {
                walk(dot, b.elseList);
            }
        } finally {
            pop(mark);
        }
    }

    private void walkRange(Object dot, BranchNode r) {
        at(r);
        int outer = mark();
        try {
            Object val = evalPipeline(dot, r.pipe);
            if (!iterate(r, val, mark())) {
                if (r.elseList != null) {
                    walk(dot, r.elseList);
                }
            }
        } catch (LoopSignal s) {
            if (!s.isBreak) {
                throw s;
            }
        } finally {
            pop(outer);
        }
    }

    /** Runs the body once per element; false when there was nothing to iterate (the else branch runs). */
    private boolean iterate(BranchNode r, Object val, int mark) {
        if (val instanceof List<?> list) {
            List<?> items = new ArrayList<>(list);
            for (int i = 0; i < items.size(); i++) {
                oneIteration(r, mark, (long) i, GoTemplateValues.element(items.get(i)));
            }
            return !items.isEmpty();
        }
        if (val instanceof Map<?, ?> map) {
            List<Object> keys = GoTemplateValues.sortedKeys(map);
            for (Object k : keys) {
                oneIteration(r, mark, GoTemplateValues.norm(k), GoTemplateValues.element(map.get(k)));
            }
            return !keys.isEmpty();
        }
        if (val instanceof Long n) {
            if (r.pipe.decl.size() > 1) {
                throw errorf("can't use " + GoTemplatePrintf.sprintValue(n) + " to iterate over more than one variable");
            }
            for (long i = 0; i < n; i++) {
                oneIteration(r, mark, null, i);
            }
            return n > 0;
        }
        if (val == null) {
            return false;
        }
        throw errorf("range can't iterate over " + GoTemplatePrintf.sprintValue(val));
    }

    private void oneIteration(BranchNode r, int mark, Object index, Object elem) {
        List<VariableNode> decl = r.pipe.decl;
        if (!decl.isEmpty()) {
            if (r.pipe.isAssign) {
                setVar(decl.get(0).name(), decl.size() > 1 ? index : elem);
            } else {
                setTopVar(1, elem);
            }
        }
        if (decl.size() > 1) {
            if (r.pipe.isAssign) {
                setVar(decl.get(1).name(), elem);
            } else {
                setTopVar(2, index);
            }
        }
        try {
            walk(elem, r.list);
        } catch (LoopSignal s) {
            if (s.isBreak) {
                throw s;
            }
        } finally {
            pop(mark);
        }
    }

    private void walkTemplate(Object dot, TemplateNode t) {
        at(t);
        ListNode tree = tmpl.tree(t.name);
        if (tree == null) {
            throw errorf("template " + GoTemplateStrconv.quote(t.name) + " not defined");
        }
        if (depth == MAX_EXEC_DEPTH) {
            throw errorf("exceeded maximum template depth (" + MAX_EXEC_DEPTH + ")");
        }
        Object newDot = GoTemplateValues.dig(evalPipeline(dot, t.pipe));
        String savedName = execName;
        GoTemplateNode savedNode = node;
        List<String> savedNames = varNames;
        List<Object> savedValues = varValues;
        execName = t.name;
        varNames = new ArrayList<>();
        varValues = new ArrayList<>();
        push("$", newDot);
        depth++;
        try {
            walk(newDot, tree);
        } catch (StackOverflowError e) {
            throw errorf("exceeded maximum template depth (" + MAX_EXEC_DEPTH + ")");
        } finally {
            depth--;
            execName = savedName;
            node = savedNode;
            varNames = savedNames;
            varValues = savedValues;
        }
    }
}
