package dev.kagentmaven.core.go;

import dev.kagentmaven.core.go.GoTemplateItem.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Go's text/template/parse lexer (lex.go), run eagerly into a token list: text, delimiters, comments and the
 * dispatch inside actions. Positions are char indices into the text; lines are 1-based and counted exactly as Go
 * counts them (they feed the parser's error messages).
 */
final class GoTemplateLexer extends GoTemplateLexerBase {
    private static final String LEFT = "{{";

    private GoTemplateLexer(String input, boolean breakOK, boolean continueOK) {
        super(input, breakOK, continueOK);
    }

    /** Lexes the whole input; the list ends with EOF (after an ERROR item, if lexing failed). */
    static List<GoTemplateItem> lex(String input, boolean breakOK, boolean continueOK) {
        GoTemplateLexer l = new GoTemplateLexer(input, breakOK, continueOK);
        List<GoTemplateItem> items = new ArrayList<>();
        while (true) {
            GoTemplateItem it = l.nextItem();
            items.add(it);
            if (it.type() == Type.ERROR) {
                items.add(new GoTemplateItem(Type.EOF, 0, "", it.line()));
            }
            if (it.type() == Type.EOF || it.type() == Type.ERROR) {
                return items;
            }
        }
    }

    private GoTemplateItem nextItem() {
        item = new GoTemplateItem(Type.EOF, pos, "EOF", startLine);
        StateFn state = insideAction ? this::lexInsideAction : this::lexText;
        while (state != null) {
            state = state.run();
        }
        return item;
    }

    /** {delim, trimSpaces}. */
    private boolean[] atRightDelim() {
        if (hasRightTrimMarker(pos) && input.startsWith(RIGHT, pos + 2)) {
            return new boolean[] {true, true};
        }
        return new boolean[] {input.startsWith(RIGHT, pos), false};
    }

    private StateFn lexText() {
        int x = input.indexOf(LEFT, pos);
        if (x >= 0) {
            if (x > pos) {
                pos = x;
                int trimLength = hasLeftTrimMarker(pos + LEFT.length()) ? rightTrimLength(start, pos) : 0;
                pos -= trimLength;
                line += newlines(start, pos);
                GoTemplateItem i = thisItem(Type.TEXT);
                pos += trimLength;
                ignore();
                if (!i.val().isEmpty()) {
                    return emitItem(i);
                }
            }
            return this::lexLeftDelim;
        }
        pos = input.length();
        if (pos > start) {
            line += newlines(start, pos);
            return emit(Type.TEXT);
        }
        return emit(Type.EOF);
    }

    private StateFn lexLeftDelim() {
        pos += LEFT.length();
        int afterMarker = hasLeftTrimMarker(pos) ? 2 : 0;
        if (input.startsWith("/*", pos + afterMarker)) {
            pos += afterMarker;
            ignore();
            return this::lexComment;
        }
        GoTemplateItem i = thisItem(Type.LEFT_DELIM);
        insideAction = true;
        pos += afterMarker;
        ignore();
        parenDepth = 0;
        return emitItem(i);
    }

    private StateFn lexComment() {
        pos += 2;
        int x = input.indexOf("*/", pos);
        if (x < 0) {
            return errorf("unclosed comment");
        }
        pos = x + 2;
        boolean[] delim = atRightDelim();
        if (!delim[0]) {
            return errorf("comment ends before closing delimiter");
        }
        line += newlines(start, pos);
        thisItem(Type.COMMENT);
        pos += (delim[1] ? 2 : 0) + RIGHT.length();
        if (delim[1]) {
            pos += leftTrimLength(pos);
        }
        ignore();
        return this::lexText;
    }

    private StateFn lexRightDelim() {
        boolean trimSpace = atRightDelim()[1];
        if (trimSpace) {
            pos += 2;
            ignore();
        }
        pos += RIGHT.length();
        GoTemplateItem i = thisItem(Type.RIGHT_DELIM);
        if (trimSpace) {
            pos += leftTrimLength(pos);
            ignore();
        }
        insideAction = false;
        return emitItem(i);
    }

    private StateFn lexInsideAction() {
        if (atRightDelim()[0]) {
            return parenDepth == 0 ? this::lexRightDelim : errorf("unclosed left paren");
        }
        int r = next();
        if (r == EOF_RUNE) {
            return errorf("unclosed action");
        }
        if (isSpace(r)) {
            backup();
            return this::lexSpace;
        }
        switch (r) {
            case '=': return emit(Type.ASSIGN);
            case ':': return next() == '=' ? emit(Type.DECLARE) : errorf("expected :=");
            case '|': return emit(Type.PIPE);
            case '"': return this::lexQuote;
            case '`': return this::lexRawQuote;
            case '$': return this::lexVariable;
            case '\'': return this::lexChar;
            case '(':
                parenDepth++;
                return emit(Type.LEFT_PAREN);
            case ')':
                parenDepth--;
                return parenDepth < 0 ? errorf("unexpected right paren") : emit(Type.RIGHT_PAREN);
            default:
                return lexOther(r);
        }
    }

    private StateFn lexOther(int r) {
        if (r == '.' && pos < input.length() && (input.charAt(pos) < '0' || input.charAt(pos) > '9')) {
            return this::lexField;
        }
        if (r == '.' || r == '+' || r == '-' || (r >= '0' && r <= '9')) {
            backup();
            return this::lexNumber;
        }
        if (GoTemplateStrconv.isAlphaNumeric(r)) {
            backup();
            return this::lexIdentifier;
        }
        if (r < 0x80 && GoTemplateStrconv.isPrint(r)) {
            return emit(Type.CHAR);
        }
        return errorf("unrecognized character in action: " + formatU(r));
    }

    private StateFn lexSpace() {
        int numSpaces = 0;
        while (isSpace(peek())) {
            next();
            numSpaces++;
        }
        if (hasRightTrimMarker(pos - 1) && input.startsWith(RIGHT, pos + 1)) {
            backup();
            if (numSpaces == 1) {
                return this::lexRightDelim;
            }
        }
        return emit(Type.SPACE);
    }

}
