package dev.kagentmaven.core.go;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Parse-tree nodes (Go's text/template/parse node.go); toString() is Go's Node.String(), used in error contexts. */
abstract class GoTemplateNode {
    /** Char index of the node in the template text. */
    final int pos;

    GoTemplateNode(int pos) {
        this.pos = pos;
    }

    abstract void writeTo(StringBuilder sb);

    @Override
    public final String toString() {
        StringBuilder sb = new StringBuilder();
        writeTo(sb);
        return sb.toString();
    }

    static final class ListNode extends GoTemplateNode {
        final List<GoTemplateNode> nodes = new ArrayList<>();

        ListNode(int pos) {
            super(pos);
        }

        @Override
        void writeTo(StringBuilder sb) {
            nodes.forEach(n -> n.writeTo(sb));
        }
    }

    static final class TextNode extends GoTemplateNode {
        final String text;

        TextNode(int pos, String text) {
            super(pos);
            this.text = text;
        }

        @Override
        void writeTo(StringBuilder sb) {
            sb.append(text);
        }
    }

    static final class CommentNode extends GoTemplateNode {
        final String text;

        CommentNode(int pos, String text) {
            super(pos);
            this.text = text;
        }

        @Override
        void writeTo(StringBuilder sb) {
            sb.append("{{").append(text).append("}}");
        }
    }

    static final class ActionNode extends GoTemplateNode {
        final int line;
        final PipeNode pipe;

        ActionNode(int pos, int line, PipeNode pipe) {
            super(pos);
            this.line = line;
            this.pipe = pipe;
        }

        @Override
        void writeTo(StringBuilder sb) {
            sb.append("{{");
            pipe.writeTo(sb);
            sb.append("}}");
        }
    }

    static final class PipeNode extends GoTemplateNode {
        final int line;
        boolean isAssign;
        final List<VariableNode> decl = new ArrayList<>();
        final List<CommandNode> cmds = new ArrayList<>();

        PipeNode(int pos, int line) {
            super(pos);
            this.line = line;
        }

        @Override
        void writeTo(StringBuilder sb) {
            if (!decl.isEmpty()) {
                for (int i = 0; i < decl.size(); i++) {
                    sb.append(i > 0 ? ", " : "");
                    decl.get(i).writeTo(sb);
                }
                sb.append(isAssign ? " = " : " := ");
            }
            for (int i = 0; i < cmds.size(); i++) {
                sb.append(i > 0 ? " | " : "");
                cmds.get(i).writeTo(sb);
            }
        }
    }

    static final class CommandNode extends GoTemplateNode {
        final List<GoTemplateNode> args = new ArrayList<>();

        CommandNode(int pos) {
            super(pos);
        }

        @Override
        void writeTo(StringBuilder sb) {
            for (int i = 0; i < args.size(); i++) {
                sb.append(i > 0 ? " " : "");
                writeOperand(sb, args.get(i));
            }
        }
    }

    static void writeOperand(StringBuilder sb, GoTemplateNode n) {
        if (n instanceof PipeNode) {
            sb.append('(');
            n.writeTo(sb);
            sb.append(')');
        } else {
            n.writeTo(sb);
        }
    }

    static final class IdentifierNode extends GoTemplateNode {
        final String ident;

        IdentifierNode(int pos, String ident) {
            super(pos);
            this.ident = ident;
        }

        @Override
        void writeTo(StringBuilder sb) {
            sb.append(ident);
        }
    }

    /** $x or $x.Field.Other: ident[0] is the variable name. */
    static final class VariableNode extends GoTemplateNode {
        final List<String> ident;

        VariableNode(int pos, String text) {
            super(pos);
            this.ident = List.of(text.split("\\.", -1));
        }

        String name() {
            return ident.get(0);
        }

        @Override
        void writeTo(StringBuilder sb) {
            sb.append(String.join(".", ident));
        }
    }

    static final class DotNode extends GoTemplateNode {
        DotNode(int pos) {
            super(pos);
        }

        @Override
        void writeTo(StringBuilder sb) {
            sb.append('.');
        }
    }

    static final class NilNode extends GoTemplateNode {
        NilNode(int pos) {
            super(pos);
        }

        @Override
        void writeTo(StringBuilder sb) {
            sb.append("nil");
        }
    }

    /** .A.B: ident is [A, B]. */
    static final class FieldNode extends GoTemplateNode {
        final List<String> ident;

        FieldNode(int pos, String text) {
            super(pos);
            this.ident = List.of(text.substring(1).split("\\.", -1));
        }

        @Override
        void writeTo(StringBuilder sb) {
            ident.forEach(id -> sb.append('.').append(id));
        }
    }

    /** (pipeline).A.B or $x.A written as a chain on a non-field term. */
    static final class ChainNode extends GoTemplateNode {
        final GoTemplateNode node;
        final List<String> field = new ArrayList<>();

        ChainNode(int pos, GoTemplateNode node) {
            super(pos);
            this.node = node;
        }

        void add(String f) {
            field.addAll(Arrays.asList(f.substring(1).split("\\.", -1)));
        }

        @Override
        void writeTo(StringBuilder sb) {
            writeOperand(sb, node);
            field.forEach(f -> sb.append('.').append(f));
        }
    }

    static final class BoolNode extends GoTemplateNode {
        final boolean value;

        BoolNode(int pos, boolean value) {
            super(pos);
            this.value = value;
        }

        @Override
        void writeTo(StringBuilder sb) {
            sb.append(value);
        }
    }

    static final class NumberNode extends GoTemplateNode {
        final String text;
        final GoTemplateStrconv.Number number;

        NumberNode(int pos, String text, GoTemplateStrconv.Number number) {
            super(pos);
            this.text = text;
            this.number = number;
        }

        @Override
        void writeTo(StringBuilder sb) {
            sb.append(text);
        }
    }

    static final class StringNode extends GoTemplateNode {
        final String quoted;
        final String text;

        StringNode(int pos, String quoted, String text) {
            super(pos);
            this.quoted = quoted;
            this.text = text;
        }

        @Override
        void writeTo(StringBuilder sb) {
            sb.append(quoted);
        }
    }

    /** {{end}}, {{else}}, {{break}} and {{continue}}. */
    static final class KeywordNode extends GoTemplateNode {
        final String keyword;
        final int line;

        KeywordNode(int pos, int line, String keyword) {
            super(pos);
            this.line = line;
            this.keyword = keyword;
        }

        boolean is(String k) {
            return keyword.equals(k);
        }

        @Override
        void writeTo(StringBuilder sb) {
            sb.append("{{").append(keyword).append("}}");
        }
    }

    enum BranchKind { IF, RANGE, WITH }

    /** {{if}}, {{range}} and {{with}}. */
    static final class BranchNode extends GoTemplateNode {
        final BranchKind kind;
        final int line;
        final PipeNode pipe;
        final ListNode list;
        final ListNode elseList;

        BranchNode(BranchKind kind, PipeNode pipe, ListNode list, ListNode elseList) {
            super(pipe.pos);
            this.kind = kind;
            this.line = pipe.line;
            this.pipe = pipe;
            this.list = list;
            this.elseList = elseList;
        }

        @Override
        void writeTo(StringBuilder sb) {
            sb.append("{{").append(kind.name().toLowerCase()).append(' ');
            pipe.writeTo(sb);
            sb.append("}}");
            list.writeTo(sb);
            if (elseList != null) {
                sb.append("{{else}}");
                elseList.writeTo(sb);
            }
            sb.append("{{end}}");
        }
    }

    static final class TemplateNode extends GoTemplateNode {
        final int line;
        final String name;
        final PipeNode pipe;

        TemplateNode(int pos, int line, String name, PipeNode pipe) {
            super(pos);
            this.line = line;
            this.name = name;
            this.pipe = pipe;
        }

        @Override
        void writeTo(StringBuilder sb) {
            sb.append("{{template ").append(GoTemplateStrconv.quote(name));
            if (pipe != null) {
                sb.append(' ');
                pipe.writeTo(sb);
            }
            sb.append("}}");
        }
    }
}
