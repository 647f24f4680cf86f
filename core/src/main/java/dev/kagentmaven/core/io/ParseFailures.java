package dev.kagentmaven.core.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.kagentmaven.core.Diagnostic;
import dev.kagentmaven.core.Origin;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Turns a parser exception into ONE short diagnostic: {@code malformed YAML: <reason>} at the
 * problem's line:column, without stack traces, class names or Jackson's source descriptions.
 */
final class ParseFailures {

    private static final Pattern SOURCE_REF =
            Pattern.compile("\\s*\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]");
    private static final Pattern EVENT = Pattern.compile("<org\\.yaml\\.snakeyaml\\.[^>]*>");
    private static final Pattern QUALIFIED = Pattern.compile("\\b(?:java|javax|com|org)\\.(?:[\\w$]+\\.)+([A-Z][\\w$]*)");
    private static final Pattern CONSTRAINT_HINT = Pattern.compile(",? from `[^`]*`");

    private ParseFailures() {}

    /**
     * @param failure what the parser threw
     * @param source source name for the origin
     * @param document 1-based index of the document being read
     * @param json whether the input is JSON (changes the wording only)
     */
    static Diagnostic describe(Exception failure, String source, int document, boolean json) {
        String format = json ? "JSON" : "YAML";
        MarkedYAMLException marked = find(failure, MarkedYAMLException.class);
        if (marked != null) {
            return fromSnakeYaml(marked, source, document);
        }
        int[] at = location(failure);
        Origin origin = new Origin(source, document, at[0], at[1], "");
        if (failure instanceof StreamConstraintsException) {
            return Diagnostic.error("yaml-limits", "the " + format + " input exceeds a parser limit: "
                    + clean(((StreamConstraintsException) failure).getOriginalMessage()), origin);
        }
        YAMLException snake = find(failure, YAMLException.class);
        if (snake != null && String.valueOf(snake.getMessage()).contains("exceeds the limit")) {
            return Diagnostic.error("yaml-limits", "the file exceeds the size limit of "
                    + YamlDocuments.MAX_CODE_POINTS + " characters", origin);
        }
        String reason = failure instanceof JsonProcessingException processing
                ? processing.getOriginalMessage()
                : failure.getMessage();
        if (reason != null && reason.startsWith("Expected a field name")) {
            reason = "mapping keys must be scalars (complex keys and aliases used as keys are not supported)";
        }
        return Diagnostic.error("yaml-syntax", "malformed " + format + ": " + clean(reason), origin);
    }

    private static Diagnostic fromSnakeYaml(MarkedYAMLException marked, String source, int document) {
        Mark problemMark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
        String problem = marked.getProblem() != null ? marked.getProblem() : marked.getContext();
        StringBuilder message = new StringBuilder("malformed YAML: ").append(clean(problem));
        Mark contextMark = marked.getContextMark();
        if (marked.getContext() != null && marked.getProblem() != null && contextMark != null) {
            message.append(" (").append(clean(marked.getContext())).append(" at ")
                    .append(contextMark.getLine() + 1).append(':').append(contextMark.getColumn() + 1).append(')');
        }
        int line = problemMark == null ? 0 : problemMark.getLine() + 1;
        int column = problemMark == null ? 0 : problemMark.getColumn() + 1;
        return Diagnostic.error("yaml-syntax", message.toString(), new Origin(source, document, line, column, ""));
    }

    private static int[] location(Exception failure) {
        if (failure instanceof JsonProcessingException processing && processing.getLocation() != null) {
            JsonLocation location = processing.getLocation();
            return new int[] {Math.max(0, location.getLineNr()), Math.max(0, location.getColumnNr())};
        }
        return new int[] {0, 0};
    }

    /** Jackson quotes the offending input token ("Unrecognized token 'x'"); the token may be secret data. */
    private static final Pattern QUOTED_TOKEN = Pattern.compile("(Unrecognized token) '[^']*'");

    /** First line only, no Java/Jackson class names, no Jackson source descriptions. */
    static String clean(String message) {
        if (message == null || message.isBlank()) {
            return "the input could not be parsed";
        }
        String text = message.strip();
        int newline = text.indexOf('\n');
        if (newline >= 0) {
            text = text.substring(0, newline).strip();
        }
        int chain = text.indexOf(" (through reference chain");
        if (chain >= 0) {
            text = text.substring(0, chain);
        }
        text = SOURCE_REF.matcher(text).replaceAll(" $1:$2");
        text = EVENT.matcher(text).replaceAll("another node");
        text = CONSTRAINT_HINT.matcher(text).replaceAll("");
        text = QUOTED_TOKEN.matcher(text).replaceAll("$1");
        return QUALIFIED.matcher(text).replaceAll("$1");
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
