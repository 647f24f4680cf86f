package dev.kagentmaven.core.io;

import dev.kagentmaven.core.Diagnostic;
import dev.kagentmaven.core.Origin;
import dev.kagentmaven.core.Source;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Strict UTF-8 decoding of a {@link Source}: a leading BOM is dropped, invalid bytes are an error. */
final class SourceText {

    private SourceText() {}

    /**
     * Decodes the source's bytes as UTF-8.
     *
     * @return the text without a leading byte-order mark, or {@code null} (with an error diagnostic
     *     appended) when the bytes are not valid UTF-8
     */
    static String decode(Source source, List<Diagnostic> diagnostics) {
        byte[] bytes = source.content();
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never yields more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            diagnostics.add(invalid(source, bytes, in.position()));
            return null;
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static Diagnostic invalid(Source source, byte[] bytes, int offset) {
        String before = new String(bytes, 0, offset, StandardCharsets.UTF_8);
        if (before.startsWith("\uFEFF")) {
            before = before.substring(1);
        }
        int lineStart = before.lastIndexOf('\n') + 1;
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = before.codePointCount(lineStart, before.length()) + 1;
        String message = String.format("the file is not valid UTF-8 (invalid byte 0x%02X); save it as UTF-8",
                bytes[offset] & 0xFF);
        return Diagnostic.error("yaml-syntax", message, new Origin(source.name(), 0, line, column, ""));
    }
}
