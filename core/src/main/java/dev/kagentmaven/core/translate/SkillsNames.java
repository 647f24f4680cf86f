package dev.kagentmaven.core.translate;

import dev.kagentmaven.core.go.GoStrings;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * kagent's skill naming and validation rules (agent-config.md §8.3): directory names of git, OCI and
 * S3 skills, the name and subPath checks, commit-SHA detection, and the Go text helpers they need.
 */
final class SkillsNames {
    /** kagent's validSkillNamePattern, as printed in its error message. */
    static final String NAME_PATTERN = "^[A-Za-z0-9._-]+$";

    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern COMMIT_SHA = Pattern.compile("[0-9a-fA-F]{40}");
    private static final String[] ARCHIVE_SUFFIXES = {".tar.gz", ".tgz", ".zip"};

    private SkillsNames() {
    }

    /** A full 40-hex-digit commit SHA (the skill is then cloned in full). */
    static boolean isCommitSha(String ref) {
        return COMMIT_SHA.matcher(ref).matches();
    }

    /** Git skill directory: {@code name}, else the last segment of {@code path}, else the repo name. */
    static String gitName(String url, String path, String name) {
        String n = GoStrings.trimSpace(name);
        if (!n.isEmpty()) {
            return n;
        }
        String p = trim(GoStrings.trimSpace(path), '/');
        if (!p.isEmpty()) {
            return base(p);
        }
        String u = url;
        SkillsUrl.Parsed parsed = SkillsUrl.parse(url);
        if (parsed != null) {
            u = parsed.path().isEmpty() ? url : parsed.path();
        }
        if (u.endsWith(".git")) {
            u = u.substring(0, u.length() - ".git".length());
        }
        return base(u);
    }

    /** OCI skill directory: the last path component of the repository, without tag and digest. */
    static String ociName(String imageRef) {
        String ref = imageRef;
        int at = ref.lastIndexOf('@');
        if (at >= 0) {
            ref = ref.substring(0, at);
        }
        int colon = ref.lastIndexOf(':');
        if (colon >= 0 && colon > ref.lastIndexOf('/')) {
            ref = ref.substring(0, colon);
        }
        return base(ref);
    }

    /** S3 skill directory: {@code name}, else the URI's last segment without an archive suffix. */
    static String s3Name(String uri, String name) {
        String n = GoStrings.trimSpace(name);
        if (!n.isEmpty()) {
            return n;
        }
        String u = GoStrings.trimSpace(uri);
        if (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        String b = base(u);
        byte[] lower = goToLower(b).getBytes(StandardCharsets.UTF_8);
        for (String suffix : ARCHIVE_SUFFIXES) {
            byte[] s = suffix.getBytes(StandardCharsets.US_ASCII);
            if (lower.length >= s.length
                    && Arrays.equals(lower, lower.length - s.length, lower.length, s, 0, s.length)) {
                // Go slices the original by the suffix's byte length.
                byte[] orig = b.getBytes(StandardCharsets.UTF_8);
                return new String(orig, 0, Math.max(0, orig.length - s.length), StandardCharsets.UTF_8);
            }
        }
        return b;
    }

    /** kagent's validateSkillName: the error text, or {@code null} when the name is valid. */
    static String nameError(String name) {
        if (name.isEmpty()) {
            return "skill name is empty";
        }
        if (name.equals(".") || name.equals("..")) {
            return "skill name " + quote(name) + " is not a valid directory name";
        }
        if (!VALID_NAME.matcher(name).matches()) {
            return "skill name " + quote(name) + " must match " + NAME_PATTERN;
        }
        return null;
    }

    /** kagent's validateSubPath ({@code filepath.IsLocal}): the error text, or {@code null}. */
    static String subPathError(String p) {
        if (p.isEmpty() || isLocal(p)) {
            return null;
        }
        return "skill subPath must be a relative path without '..' segments, got " + quote(p);
    }

    /** Go's filepath.IsLocal on Unix: relative, non-empty, not escaping its root lexically. */
    static boolean isLocal(String p) {
        if (p.isEmpty() || p.startsWith("/")) {
            return false;
        }
        int depth = 0;
        for (String part : p.split("/", -1)) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (depth == 0) {
                    return false;
                }
                depth--;
            } else {
                depth++;
            }
        }
        return true;
    }

    /** Go's path.Base. */
    static String base(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        int end = p.length();
        while (end > 0 && p.charAt(end - 1) == '/') {
            end--;
        }
        if (end == 0) {
            return "/";
        }
        String s = p.substring(0, end);
        return s.substring(s.lastIndexOf('/') + 1);
    }

    /** Go's strings.Trim(s, string(c)) for one ASCII cut character. */
    static String trim(String s, char c) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == c) {
            start++;
        }
        while (end > start && s.charAt(end - 1) == c) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Go's strings.ToLower (simple per-code-point mapping). */
    private static String goToLower(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> sb.appendCodePoint(Character.toLowerCase(cp)));
        return sb.toString();
    }

    /** Go's {@code %q} (strconv.Quote) of a string. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(cp -> appendQuoted(sb, cp));
        return sb.append('"').toString();
    }

    private static void appendQuoted(StringBuilder sb, int cp) {
        if (cp == '"' || cp == '\\') {
            sb.append('\\').appendCodePoint(cp);
        } else if (isGoPrint(cp)) {
            sb.appendCodePoint(cp);
        } else if (cp == 7) {
            sb.append("\\a");
        } else if (cp == '\b') {
            sb.append("\\b");
        } else if (cp == '\f') {
            sb.append("\\f");
        } else if (cp == '\n') {
            sb.append("\\n");
        } else if (cp == '\r') {
            sb.append("\\r");
        } else if (cp == '\t') {
            sb.append("\\t");
        } else if (cp == 0x0B) {
            sb.append("\\v");
        } else if (cp < ' ' || cp == 0x7f) {
            sb.append(String.format("\\x%02x", cp));
        } else if (cp < 0x10000) {
            sb.append(String.format("\\u%04x", Character.isSurrogate((char) cp) ? 0xFFFD : cp));
        } else {
            sb.append(String.format("\\U%08x", cp));
        }
    }

    /** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean isGoPrint(int cp) {
        if (cp == ' ') {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL:
                return true;
            default:
                return false;
        }
    }
}
