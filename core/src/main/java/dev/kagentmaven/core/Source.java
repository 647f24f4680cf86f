package dev.kagentmaven.core;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One input handed to the translator: a display name (a relative path with {@code /} separators,
 * used in diagnostics) and the raw bytes of a YAML or JSON file. The core never touches the file
 * system; callers read files and pass them in.
 *
 * @param name display name, e.g. {@code src/main/kagent/agents.yaml}
 * @param content UTF-8 bytes of the file
 */
public record Source(String name, byte[] content) {
    public Source {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }

    /** Convenience for tests and embedders that already hold text. */
    public static Source ofString(String name, String text) {
        return new Source(name, text.getBytes(StandardCharsets.UTF_8));
    }
}
