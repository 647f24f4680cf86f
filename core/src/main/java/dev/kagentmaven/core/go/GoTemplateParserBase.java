package dev.kagentmaven.core.go;

import dev.kagentmaven.core.go.GoTemplateItem.Type;
import dev.kagentmaven.core.go.GoTemplateNode.ChainNode;
import dev.kagentmaven.core.go.GoTemplateNode.CommandNode;
import dev.kagentmaven.core.go.GoTemplateNode.FieldNode;
import dev.kagentmaven.core.go.GoTemplateNode.PipeNode;
import dev.kagentmaven.core.go.GoTemplateNode.VariableNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The token stream and the expression half of Go's parse.go: pipelines, commands, operands and terms. Error lines
 * follow Go: the line of the most recently lexed token.
 */
abstract class GoTemplateParserBase {
    private static final int MAX_STACK_DEPTH = 10000;
    private static final Set<Type> COMMAND_START = EnumSet.of(Type.BOOL, Type.CHAR_CONSTANT, Type.COMPLEX, Type.DOT,
            Type.FIELD, Type.IDENTIFIER, Type.NUMBER, Type.NIL, Type.RAW_STRING, Type.STRING, Type.VARIABLE,
            Type.LEFT_PAREN);

    private final String name;
    private final List<GoTemplateItem> items;
    private final Set<String> functions;
    /** Index of the next token to read. */
    int index;
    private int lastRead = -1;
    List<String> vars = new ArrayList<>(List.of("$"));
    int actionLine;
    int rangeDepth;
    int stackDepth;

    GoTemplateParserBase(String name, List<GoTemplateItem> items, Set<String> functions) {
        this.name = name;
        this.items = items;
        this.functions = functions;
    }

    // ---- token stream -------------------------------------------------------------------------------------

    final GoTemplateItem next() {
        int i = Math.min(index, items.size() - 1);
        index = i + 1;
        lastRead = Math.max(lastRead, i);
        return items.get(i);
    }

    final void backup() {
        index--;
    }

    final GoTemplateItem peek() {
        GoTemplateItem t = next();
        backup();
        return t;
    }

    final GoTemplateItem nextNonSpace() {
        GoTemplateItem t = next();
        while (t.type() == Type.SPACE) {
            t = next();
        }
        return t;
    }

    final GoTemplateItem peekNonSpace() {
        GoTemplateItem t = nextNonSpace();
        backup();
        return t;
    }

    final int lastLine() {
        return lastRead < 0 ? 0 : items.get(lastRead).line();
    }

    final GoTemplateException errorf(String message) {
        return errorAt(lastLine(), message);
    }

    final GoTemplateException errorAt(int line, String message) {
        return new GoTemplateException("template: " + name + ":" + line + ": " + message);
    }

    final GoTemplateItem expect(Type expected, String context) {
        GoTemplateItem t = nextNonSpace();
        if (t.type() != expected) {
            throw unexpected(t, context);
        }
        return t;
    }

    final GoTemplateItem expectOneOf(Type a, Type b, String context) {
        GoTemplateItem t = nextNonSpace();
        if (t.type() != a && t.type() != b) {
            throw unexpected(t, context);
        }
        return t;
    }

    final GoTemplateException unexpected(GoTemplateItem token, String context) {
        if (token.type() == Type.ERROR) {
            String extra = "";
            if (actionLine != 0 && actionLine != token.line()) {
                extra = " in action started at " + name + ":" + actionLine;
                if (token.val().endsWith(" action")) {
                    extra = extra.substring(" in action".length());
                }
            }
            return errorf(token + extra);
        }
        return errorf("unexpected " + token + " in " + context);
    }

    final String unquote(String literal) {
        try {
            return GoTemplateStrconv.unquote(literal);
        } catch (IllegalArgumentException e) {
            throw errorf(e.getMessage());
        }
    }

    // ---- pipelines ----------------------------------------------------------------------------------------

    final PipeNode pipeline(String context, Type end) {
        GoTemplateItem first = peekNonSpace();
        PipeNode pipe = new PipeNode(first.pos(), first.line());
        declarations(pipe, context);
        while (true) {
            GoTemplateItem token = nextNonSpace();
            if (token.type() == end) {
                checkPipeline(pipe, context);
                return pipe;
            }
            if (!COMMAND_START.contains(token.type())) {
                throw unexpected(token, context);
            }
            backup();
            pipe.cmds.add(command());
        }
    }

    private void declarations(PipeNode pipe, String context) {
        while (peekNonSpace().type() == Type.VARIABLE) {
            int save = index;
            GoTemplateItem v = next();
            GoTemplateItem after = peekNonSpace();
            if (after.type() == Type.ASSIGN || after.type() == Type.DECLARE) {
                pipe.isAssign = after.type() == Type.ASSIGN;
                nextNonSpace();
                declare(pipe, v);
                return;
            }
            if (after.type() != Type.CHAR || !after.val().equals(",")) {
                index = save;
                return;
            }
            nextNonSpace();
            declare(pipe, v);
            if (!context.equals("range") || pipe.decl.size() >= 2) {
                throw errorf("too many declarations in " + context);
            }
            Type t = peekNonSpace().type();
            if (t != Type.VARIABLE && t != Type.RIGHT_DELIM && t != Type.RIGHT_PAREN) {
                throw errorf("range can only initialize variables");
            }
        }
    }

    private void declare(PipeNode pipe, GoTemplateItem v) {
        pipe.decl.add(new VariableNode(v.pos(), v.val()));
        vars.add(v.val());
    }

    private void checkPipeline(PipeNode pipe, String context) {
        if (pipe.cmds.isEmpty()) {
            throw errorf("missing value for " + context);
        }
        for (int i = 1; i < pipe.cmds.size(); i++) {
            GoTemplateNode first = pipe.cmds.get(i).args.get(0);
            if (first instanceof GoTemplateNode.BoolNode || first instanceof GoTemplateNode.DotNode
                    || first instanceof GoTemplateNode.NilNode || first instanceof GoTemplateNode.NumberNode
                    || first instanceof GoTemplateNode.StringNode) {
                throw errorf("non executable command in pipeline stage " + (i + 1));
            }
        }
    }

    private CommandNode command() {
        CommandNode cmd = new CommandNode(peekNonSpace().pos());
        while (true) {
            peekNonSpace();
            GoTemplateNode operand = operand();
            if (operand != null) {
                cmd.args.add(operand);
            }
            GoTemplateItem token = next();
            if (token.type() == Type.SPACE) {
                continue;
            }
            if (token.type() == Type.RIGHT_DELIM || token.type() == Type.RIGHT_PAREN) {
                backup();
            } else if (token.type() != Type.PIPE) {
                throw unexpected(token, "operand");
            }
            break;
        }
        if (cmd.args.isEmpty()) {
            throw errorf("empty command");
        }
        return cmd;
    }

    private GoTemplateNode operand() {
        GoTemplateNode node = term();
        if (node == null || peek().type() != Type.FIELD) {
            return node;
        }
        ChainNode chain = new ChainNode(peek().pos(), node);
        while (peek().type() == Type.FIELD) {
            chain.add(next().val());
        }
        if (node instanceof FieldNode) {
            return new FieldNode(chain.pos, chain.toString());
        }
        if (node instanceof VariableNode) {
            return new VariableNode(chain.pos, chain.toString());
        }
        if (node instanceof GoTemplateNode.BoolNode || node instanceof GoTemplateNode.StringNode
                || node instanceof GoTemplateNode.NumberNode || node instanceof GoTemplateNode.NilNode
                || node instanceof GoTemplateNode.DotNode) {
            throw errorf("unexpected . after term " + GoTemplateStrconv.quote(node.toString()));
        }
        return chain;
    }

    private GoTemplateNode term() {
        GoTemplateItem token = nextNonSpace();
        switch (token.type()) {
            case IDENTIFIER:
                if (!functions.contains(token.val())) {
                    throw errorf("function " + GoTemplateStrconv.quote(token.val()) + " not defined");
                }
                return new GoTemplateNode.IdentifierNode(token.pos(), token.val());
            case DOT: return new GoTemplateNode.DotNode(token.pos());
            case NIL: return new GoTemplateNode.NilNode(token.pos());
            case VARIABLE: return useVar(token);
            case FIELD: return new FieldNode(token.pos(), token.val());
            case BOOL: return new GoTemplateNode.BoolNode(token.pos(), token.val().equals("true"));
            case CHAR_CONSTANT, COMPLEX, NUMBER: return number(token);
            case LEFT_PAREN: return parenthesized();
            case STRING, RAW_STRING:
                return new GoTemplateNode.StringNode(token.pos(), token.val(), unquote(token.val()));
            default:
                backup();
                return null;
        }
    }

    private GoTemplateNode parenthesized() {
        if (stackDepth >= MAX_STACK_DEPTH) {
            throw errorf("max expression depth exceeded");
        }
        stackDepth++;
        try {
            return pipeline("parenthesized pipeline", Type.RIGHT_PAREN);
        } finally {
            stackDepth--;
        }
    }

    private GoTemplateNode number(GoTemplateItem token) {
        if (token.type() == Type.COMPLEX || token.val().endsWith("i")) {
            throw errorf("complex constants are not supported: " + token.val());
        }
        try {
            GoTemplateStrconv.Number n = token.type() == Type.CHAR_CONSTANT
                    ? GoTemplateStrconv.charConstant(token.val()) : GoTemplateStrconv.number(token.val());
            return new GoTemplateNode.NumberNode(token.pos(), token.val(), n);
        } catch (IllegalArgumentException e) {
            throw errorf(e.getMessage());
        }
    }

    private GoTemplateNode useVar(GoTemplateItem token) {
        VariableNode v = new VariableNode(token.pos(), token.val());
        if (!vars.contains(v.name())) {
            throw errorf("undefined variable " + GoTemplateStrconv.quote(v.name()));
        }
        return v;
    }
}
