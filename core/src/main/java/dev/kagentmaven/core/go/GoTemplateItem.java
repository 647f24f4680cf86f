package dev.kagentmaven.core.go;

/** A token of Go's template lexer, printed as Go's item.String() does in parse errors. */
record GoTemplateItem(GoTemplateItem.Type type, int pos, String val, int line) {
    enum Type {
        ERROR, BOOL, CHAR, CHAR_CONSTANT, COMMENT, COMPLEX, ASSIGN, DECLARE, EOF, FIELD, IDENTIFIER, LEFT_DELIM,
        LEFT_PAREN, NUMBER, PIPE, RAW_STRING, RIGHT_DELIM, RIGHT_PAREN, SPACE, STRING, TEXT, VARIABLE,
        KEYWORD, BLOCK, BREAK, CONTINUE, DOT, DEFINE, ELSE, END, IF, NIL, RANGE, TEMPLATE, WITH;

        boolean isKeyword() {
            return ordinal() > KEYWORD.ordinal();
        }
    }

    @Override
    public String toString() {
        if (type == Type.EOF) {
            return "EOF";
        }
        if (type == Type.ERROR) {
            return val;
        }
        if (type.isKeyword()) {
            return "<" + val + ">";
        }
        if (GoTemplateStrconv.utf8Length(val) > 10) {
            int end = val.offsetByCodePoints(0, Math.min(10, val.codePointCount(0, val.length())));
            return GoTemplateStrconv.quote(val.substring(0, end)) + "...";
        }
        return GoTemplateStrconv.quote(val);
    }
}
