package dev.kagentmaven.core.go;

import dev.kagentmaven.core.go.GoTemplateItem.Type;
import java.util.Map;

/** Lexer state, rune primitives and the operand scanners (names, numbers, strings) of Go's lex.go. */
abstract class GoTemplateLexerBase {
    @FunctionalInterface
    interface StateFn {
        StateFn run();
    }

    static final int EOF_RUNE = -1;
    static final String RIGHT = "}}";
    private static final Map<String, Type> KEYWORDS = Map.ofEntries(Map.entry(".", Type.DOT),
            Map.entry("block", Type.BLOCK), Map.entry("break", Type.BREAK), Map.entry("continue", Type.CONTINUE),
            Map.entry("define", Type.DEFINE), Map.entry("else", Type.ELSE), Map.entry("end", Type.END),
            Map.entry("if", Type.IF), Map.entry("range", Type.RANGE), Map.entry("nil", Type.NIL),
            Map.entry("template", Type.TEMPLATE), Map.entry("with", Type.WITH));

    final String input;
    final boolean breakOK;
    final boolean continueOK;
    int pos;
    int start;
    boolean atEOF;
    int parenDepth;
    int line = 1;
    int startLine = 1;
    GoTemplateItem item;
    boolean insideAction;

    GoTemplateLexerBase(String input, boolean breakOK, boolean continueOK) {
        this.input = input;
        this.breakOK = breakOK;
        this.continueOK = continueOK;
    }

    final int next() {
        if (pos >= input.length()) {
            atEOF = true;
            return EOF_RUNE;
        }
        int r = input.codePointAt(pos);
        pos += Character.charCount(r);
        if (r == '\n') {
            line++;
        }
        return r;
    }

    final int peek() {
        int r = next();
        backup();
        return r;
    }

    final void backup() {
        if (!atEOF && pos > 0) {
            int r = input.codePointBefore(pos);
            pos -= Character.charCount(r);
            if (r == '\n') {
                line--;
            }
        }
    }

    final GoTemplateItem thisItem(Type t) {
        GoTemplateItem i = new GoTemplateItem(t, start, input.substring(start, pos), startLine);
        start = pos;
        startLine = line;
        return i;
    }

    final StateFn emit(Type t) {
        return emitItem(thisItem(t));
    }

    final StateFn emitItem(GoTemplateItem i) {
        item = i;
        return null;
    }

    final void ignore() {
        line += newlines(start, pos);
        start = pos;
        startLine = line;
    }

    final int newlines(int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (input.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    final boolean accept(String valid) {
        int r = next();
        if (r >= 0 && valid.indexOf(r) >= 0) {
            return true;
        }
        backup();
        return false;
    }

    final void acceptRun(String valid) {
        while (true) {
            int r = next();
            if (r < 0 || valid.indexOf(r) < 0) {
                backup();
                return;
            }
        }
    }

    final StateFn errorf(String message) {
        item = new GoTemplateItem(Type.ERROR, start, message, startLine);
        return null;
    }

    static boolean isSpace(int r) {
        return r == ' ' || r == '\t' || r == '\r' || r == '\n';
    }

    final boolean hasLeftTrimMarker(int at) {
        return at + 1 < input.length() && input.charAt(at) == '-' && isSpace(input.charAt(at + 1));
    }

    final boolean hasRightTrimMarker(int at) {
        return at >= 0 && at + 1 < input.length() && isSpace(input.charAt(at)) && input.charAt(at + 1) == '-';
    }

    final int rightTrimLength(int from, int to) {
        int i = to;
        while (i > from && isSpace(input.charAt(i - 1))) {
            i--;
        }
        return to - i;
    }

    final int leftTrimLength(int from) {
        int i = from;
        while (i < input.length() && isSpace(input.charAt(i))) {
            i++;
        }
        return i - from;
    }

    /** Go's %#U. */
    static String formatU(int r) {
        String hex = Integer.toHexString(r).toUpperCase();
        String u = "U+" + "0".repeat(Math.max(0, 4 - hex.length())) + hex;
        return GoTemplateStrconv.isPrint(r) ? u + " '" + new String(Character.toChars(r)) + "'" : u;
    }

    final StateFn lexIdentifier() {
        while (true) {
            int r = next();
            if (GoTemplateStrconv.isAlphaNumeric(r)) {
                continue;
            }
            backup();
            String word = input.substring(start, pos);
            if (!atTerminator()) {
                return errorf("bad character " + formatU(r));
            }
            Type kw = KEYWORDS.get(word);
            if (kw != null) {
                boolean asIdent = (kw == Type.BREAK && !breakOK) || (kw == Type.CONTINUE && !continueOK);
                return emit(asIdent ? Type.IDENTIFIER : kw);
            }
            if (word.equals("true") || word.equals("false")) {
                return emit(Type.BOOL);
            }
            return emit(Type.IDENTIFIER);
        }
    }

    final StateFn lexField() {
        return lexFieldOrVariable(Type.FIELD);
    }

    final StateFn lexVariable() {
        return atTerminator() ? emit(Type.VARIABLE) : lexFieldOrVariable(Type.VARIABLE);
    }

    final StateFn lexFieldOrVariable(Type typ) {
        if (atTerminator()) {
            return emit(typ == Type.VARIABLE ? Type.VARIABLE : Type.DOT);
        }
        int r;
        while (true) {
            r = next();
            if (!GoTemplateStrconv.isAlphaNumeric(r)) {
                backup();
                break;
            }
        }
        if (!atTerminator()) {
            return errorf("bad character " + formatU(r));
        }
        return emit(typ);
    }

    final boolean atTerminator() {
        int r = peek();
        if (isSpace(r)) {
            return true;
        }
        switch (r) {
            case EOF_RUNE, '.', ',', '|', ':', ')', '(':
                return true;
            default:
                return input.startsWith(RIGHT, pos);
        }
    }

    final StateFn lexChar() {
        while (true) {
            int r = next();
            if (r == '\\') {
                r = next();
                if (r != EOF_RUNE && r != '\n') {
                    continue;
                }
            }
            if (r == EOF_RUNE || r == '\n') {
                return errorf("unterminated character constant");
            }
            if (r == '\'') {
                return emit(Type.CHAR_CONSTANT);
            }
        }
    }

    final StateFn lexNumber() {
        if (!scanNumber()) {
            return errorf("bad number syntax: " + GoTemplateStrconv.quote(input.substring(start, pos)));
        }
        int sign = peek();
        if (sign == '+' || sign == '-') {
            if (!scanNumber() || input.charAt(pos - 1) != 'i') {
                return errorf("bad number syntax: " + GoTemplateStrconv.quote(input.substring(start, pos)));
            }
            return emit(Type.COMPLEX);
        }
        return emit(Type.NUMBER);
    }

    private boolean scanNumber() {
        accept("+-");
        String digits = "0123456789_";
        if (accept("0")) {
            if (accept("xX")) {
                digits = "0123456789abcdefABCDEF_";
            } else if (accept("oO")) {
                digits = "01234567_";
            } else if (accept("bB")) {
                digits = "01_";
            }
        }
        acceptRun(digits);
        if (accept(".")) {
            acceptRun(digits);
        }
        if (digits.length() == 11 && accept("eE")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        if (digits.length() == 23 && accept("pP")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        accept("i");
        if (GoTemplateStrconv.isAlphaNumeric(peek())) {
            next();
            return false;
        }
        return true;
    }

    final StateFn lexQuote() {
        while (true) {
            int r = next();
            if (r == '\\') {
                r = next();
                if (r != EOF_RUNE && r != '\n') {
                    continue;
                }
            }
            if (r == EOF_RUNE || r == '\n') {
                return errorf("unterminated quoted string");
            }
            if (r == '"') {
                return emit(Type.STRING);
            }
        }
    }

    final StateFn lexRawQuote() {
        while (true) {
            int r = next();
            if (r == EOF_RUNE) {
                return errorf("unterminated raw quoted string");
            }
            if (r == '`') {
                return emit(Type.RAW_STRING);
            }
        }
    }
}
