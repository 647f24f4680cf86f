package dev.kagentmaven.core.io;

import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * A {@link YAMLParser} that also exposes the SnakeYAML event behind the current token.
 *
 * <p>Jackson's token stream hides three things the reader needs: document boundaries (so that
 * empty documents still consume an index), anchors on scalars ({@code getObjectId()} only reports
 * anchors of mappings and sequences), and the scalar style (to tell a plain empty value, which is
 * {@code null}, from {@code ''}, and a plain merge key {@code <<} from a quoted one). It observes
 * events through {@link #getEvent()}, the extension point Jackson documents for this purpose; the
 * token stream itself is unchanged.
 */
final class TrackingYamlParser extends YAMLParser {

    private int documents;
    private Event event;

    TrackingYamlParser(IOContext context, int parserFeatures, int formatFeatures, LoaderOptions loaderOptions,
            ObjectCodec codec, Reader reader) {
        super(context, parserFeatures, formatFeatures, loaderOptions, codec, reader);
    }

    @Override
    protected Event getEvent() throws IOException {
        Event next = super.getEvent();
        if (next != null) {
            if (next.is(Event.ID.DocumentStart)) {
                documents++;
            }
            event = next;
        }
        return next;
    }

    /** Number of YAML documents started so far, i.e. the 1-based index of the current document. */
    int documentCount() {
        return documents;
    }

    /** The scalar event behind the current token (a key or a scalar value), or {@code null}. */
    ScalarEvent currentScalar() {
        return event instanceof ScalarEvent scalar ? scalar : null;
    }

    /** The anchor ({@code &name}) declared on the node starting at the current token, or {@code null}. */
    String currentAnchor() {
        if (event instanceof AliasEvent) {
            return null;
        }
        return event instanceof NodeEvent node ? node.getAnchor() : null;
    }

    /** A {@link YAMLFactory} whose parsers (created from a {@link Reader}) are {@link TrackingYamlParser}s. */
    static final class Factory extends YAMLFactory {
        private static final long serialVersionUID = 1L;

        Factory(YAMLFactoryBuilder builder) {
            super(builder);
        }

        @Override
        protected YAMLParser _createParser(Reader reader, IOContext context) {
            return new TrackingYamlParser(context, _parserFeatures, _yamlParserFeatures, _loaderOptions,
                    _objectCodec, reader);
        }
    }
}
