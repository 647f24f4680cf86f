package dev.kagentmaven.plugin;

import java.util.Locale;
import org.apache.maven.plugin.MojoFailureException;

/** How the rendered manifests are laid out in the output directory. */
enum Layout {
    /** One file per rendered Agent ({@code <namespace>/<name>.yaml}) and MCPServer ({@code <namespace>/mcpserver-<name>.yaml}). */
    PER_AGENT("per-agent"),
    /** One file, {@value #COMBINED_FILE}, holding every manifest's documents in order. */
    COMBINED("combined");

    /** File name of the combined layout (also the name of the attached artifact file). */
    static final String COMBINED_FILE = "manifests.yaml";

    private final String id;

    Layout(String id) {
        this.id = id;
    }

    /** The value users write in the POM. */
    String id() {
        return id;
    }

    static Layout parse(String value) throws MojoFailureException {
        if (value == null || value.isBlank()) {
            return PER_AGENT;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (Layout l : values()) {
            if (l.id.equals(v)) {
                return l;
            }
        }
        throw new MojoFailureException("kagent: layout must be one of per-agent, combined; got '" + value + "'");
    }
}
