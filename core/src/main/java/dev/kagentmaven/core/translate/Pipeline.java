package dev.kagentmaven.core.translate;

import dev.kagentmaven.core.Options;
import dev.kagentmaven.core.Result;
import dev.kagentmaven.core.Source;
import java.util.List;

/** read → model → translate, for {@link dev.kagentmaven.core.Translator}. */
public final class Pipeline {
    private Pipeline() {
    }

    public static Result run(List<Source> sources, Options options) {
        return new Result(List.of(), List.of(), sources.size(), 0); // TODO: implemented next
    }
}
