package dev.kagentmaven.core.go;

import dev.kagentmaven.core.go.GoTemplateItem.Type;
import dev.kagentmaven.core.go.GoTemplateNode.BranchKind;
import dev.kagentmaven.core.go.GoTemplateNode.BranchNode;
import dev.kagentmaven.core.go.GoTemplateNode.KeywordNode;
import dev.kagentmaven.core.go.GoTemplateNode.ListNode;
import dev.kagentmaven.core.go.GoTemplateNode.PipeNode;
import dev.kagentmaven.core.go.GoTemplateNode.TemplateNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Go's text/template/parse parser (parse.go): the structural part (templates, actions, control). Pipelines and
 * operands are in {@link GoTemplateParserBase}.
 */
final class GoTemplateParser extends GoTemplateParserBase {
    private final Map<String, ListNode> treeSet = new LinkedHashMap<>();

    private GoTemplateParser(String name, List<GoTemplateItem> items, Set<String> functions) {
        super(name, items, functions);
    }

    /** Parses text into its named trees (the top-level one under {@code name}, plus every define/block). */
    static Map<String, ListNode> parse(String name, String text, Set<String> functions) {
        List<GoTemplateItem> items = GoTemplateLexer.lex(text, !functions.contains("break"), !functions.contains("continue"));
        GoTemplateParser p = new GoTemplateParser(name, items, functions);
        ListNode root = p.parseTop();
        p.add(name, root);
        return p.treeSet;
    }

    private ListNode parseTop() {
        ListNode root = new ListNode(peek().pos());
        while (peek().type() != Type.EOF) {
            if (peek().type() == Type.LEFT_DELIM) {
                int save = index;
                next();
                if (nextNonSpace().type() == Type.DEFINE) {
                    parseDefinition();
                    continue;
                }
                index = save;
            }
            GoTemplateNode n = textOrAction();
            if (n instanceof KeywordNode k && (k.is("end") || k.is("else"))) {
                throw errorf("unexpected " + n);
            }
            root.nodes.add(n);
        }
        return root;
    }

    private void parseDefinition() {
        TreeState saved = newTree();
        String context = "define clause";
        GoTemplateItem name = expectOneOf(Type.STRING, Type.RAW_STRING, context);
        String treeName = unquote(name.val());
        expect(Type.RIGHT_DELIM, context);
        ListNode root = new ListNode(peekNonSpace().pos());
        GoTemplateNode end = itemList(root);
        if (!(end instanceof KeywordNode k && k.is("end"))) {
            throw errorf("unexpected " + end + " in " + context);
        }
        add(treeName, root);
        restore(saved);
    }

    private void add(String name, ListNode root) {
        ListNode tree = treeSet.get(name);
        if (tree == null || isEmptyTree(tree)) {
            treeSet.put(name, root);
            return;
        }
        if (!isEmptyTree(root)) {
            throw errorf("template: multiple definition of template " + GoTemplateStrconv.quote(name));
        }
    }

    private static boolean isEmptyTree(GoTemplateNode n) {
        if (n instanceof ListNode l) {
            return l.nodes.stream().allMatch(GoTemplateParser::isEmptyTree);
        }
        if (n instanceof GoTemplateNode.TextNode t) {
            return t.text.chars().allMatch(GoTemplateParser::isGoSpace);
        }
        return n instanceof GoTemplateNode.CommentNode;
    }

    /** Go's unicode.IsSpace. */
    private static boolean isGoSpace(int c) {
        return "\t\n\u000B\f\r ".indexOf(c) >= 0 || c == 0x85 || c == 0xA0 || (c > 0xFF && Character.isSpaceChar(c));
    }

    /** Parses textOrAction* into list; returns the terminating {{end}} or {{else}}. */
    private GoTemplateNode itemList(ListNode list) {
        while (peekNonSpace().type() != Type.EOF) {
            GoTemplateNode n = textOrAction();
            if (n instanceof KeywordNode k && (k.is("end") || k.is("else"))) {
                return n;
            }
            list.nodes.add(n);
        }
        throw errorf("unexpected EOF");
    }

    private GoTemplateNode textOrAction() {
        GoTemplateItem token = nextNonSpace();
        switch (token.type()) {
            case TEXT:
                return new GoTemplateNode.TextNode(token.pos(), token.val());
            case LEFT_DELIM:
                actionLine = token.line();
                try {
                    return action();
                } finally {
                    actionLine = 0;
                }
            case COMMENT:
                return new GoTemplateNode.CommentNode(token.pos(), token.val());
            default:
                throw unexpected(token, "input");
        }
    }

    private GoTemplateNode action() {
        GoTemplateItem token = nextNonSpace();
        switch (token.type()) {
            case BLOCK: return blockControl();
            case BREAK: return loopControl(token, "break");
            case CONTINUE: return loopControl(token, "continue");
            case ELSE: return elseControl();
            case END: return new KeywordNode(expect(Type.RIGHT_DELIM, "end").pos(), token.line(), "end");
            case IF: return control(BranchKind.IF);
            case RANGE: return control(BranchKind.RANGE);
            case TEMPLATE: return templateControl();
            case WITH: return control(BranchKind.WITH);
            default:
                backup();
                GoTemplateItem first = peek();
                return new GoTemplateNode.ActionNode(first.pos(), first.line(), pipeline("command", Type.RIGHT_DELIM));
        }
    }

    private GoTemplateNode loopControl(GoTemplateItem token, String keyword) {
        GoTemplateItem t = nextNonSpace();
        if (t.type() != Type.RIGHT_DELIM) {
            throw unexpected(t, "{{" + keyword + "}}");
        }
        if (rangeDepth == 0) {
            throw errorf("{{" + keyword + "}} outside {{range}}");
        }
        return new KeywordNode(token.pos(), token.line(), keyword);
    }

    private GoTemplateNode elseControl() {
        GoTemplateItem peek = peekNonSpace();
        if (peek.type() == Type.IF || peek.type() == Type.WITH) {
            return new KeywordNode(peek.pos(), peek.line(), "else");
        }
        GoTemplateItem token = expect(Type.RIGHT_DELIM, "else");
        return new KeywordNode(token.pos(), token.line(), "else");
    }

    private BranchNode control(BranchKind kind) {
        String context = kind.name().toLowerCase();
        int varsLen = vars.size();
        try {
            PipeNode pipe = pipeline(context, Type.RIGHT_DELIM);
            rangeDepth += kind == BranchKind.RANGE ? 1 : 0;
            ListNode list = new ListNode(peekNonSpace().pos());
            GoTemplateNode next = itemList(list);
            rangeDepth -= kind == BranchKind.RANGE ? 1 : 0;
            ListNode elseList = null;
            if (next instanceof KeywordNode k && k.is("else")) {
                elseList = elseBranch(kind, next);
            }
            return new BranchNode(kind, pipe, list, elseList);
        } finally {
            vars.subList(varsLen, vars.size()).clear();
        }
    }

    private ListNode elseBranch(BranchKind kind, GoTemplateNode elseNode) {
        ListNode elseList = new ListNode(elseNode.pos);
        if (kind == BranchKind.IF && peek().type() == Type.IF) {
            next();
            elseList.nodes.add(control(BranchKind.IF));
        } else if (kind == BranchKind.WITH && peek().type() == Type.WITH) {
            next();
            elseList.nodes.add(control(BranchKind.WITH));
        } else {
            elseList = new ListNode(peekNonSpace().pos());
            GoTemplateNode end = itemList(elseList);
            if (!(end instanceof KeywordNode k && k.is("end"))) {
                throw errorf("expected end; found " + end);
            }
        }
        return elseList;
    }

    private TemplateNode blockControl() {
        String context = "block clause";
        GoTemplateItem token = nextNonSpace();
        String name = templateName(token, context);
        PipeNode pipe = pipeline(context, Type.RIGHT_DELIM);
        int delimLine = lastLine();
        TreeState saved = newTree();
        ListNode root = new ListNode(peekNonSpace().pos());
        GoTemplateNode end = itemList(root);
        if (!(end instanceof KeywordNode k && k.is("end"))) {
            throw errorAt(delimLine, "unexpected " + end + " in " + context);
        }
        add(name, root);
        restore(saved);
        return new TemplateNode(token.pos(), token.line(), name, pipe);
    }

    private TemplateNode templateControl() {
        String context = "template clause";
        GoTemplateItem token = nextNonSpace();
        String name = templateName(token, context);
        PipeNode pipe = null;
        if (nextNonSpace().type() != Type.RIGHT_DELIM) {
            backup();
            pipe = pipeline(context, Type.RIGHT_DELIM);
        }
        return new TemplateNode(token.pos(), token.line(), name, pipe);
    }

    private String templateName(GoTemplateItem token, String context) {
        if (token.type() != Type.STRING && token.type() != Type.RAW_STRING) {
            throw unexpected(token, context);
        }
        return unquote(token.val());
    }

    private TreeState newTree() {
        TreeState saved = new TreeState(vars, actionLine, rangeDepth, stackDepth);
        vars = new ArrayList<>(List.of("$"));
        actionLine = 0;
        rangeDepth = 0;
        stackDepth = 0;
        return saved;
    }

    private void restore(TreeState s) {
        vars = s.vars();
        actionLine = s.actionLine();
        rangeDepth = s.rangeDepth();
        stackDepth = s.stackDepth();
    }

    private record TreeState(List<String> vars, int actionLine, int rangeDepth, int stackDepth) {
    }
}
