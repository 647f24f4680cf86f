package dev.kagentmaven.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The public entry point: reads the given sources, translates every selected Agent as the kagent
 * controller would, and returns the objects together with all diagnostics. Pure: no I/O, no
 * logging, no global state; safe to call from several threads at once.
 */
public final class Translator {

    /** Largest single input file accepted (bytes). Larger files fail at once instead of exhausting memory. */
    public static final long MAX_SOURCE_BYTES = 32L * 1024 * 1024;
    /** Largest total size of all inputs of one run (bytes). */
    public static final long MAX_TOTAL_BYTES = 128L * 1024 * 1024;

    private Translator() {
    }

    /**
     * Translates the inputs.
     *
     * @param sources the YAML/JSON inputs, in any order (the output does not depend on it)
     * @param options translator settings
     * @return objects per agent plus diagnostics; never throws for bad input
     */
    public static Result translate(List<Source> sources, Options options) {
        List<Diagnostic> tooBig = sizeLimits(sources);
        if (!tooBig.isEmpty()) {
            return new Result(List.of(), tooBig, sources.size(), 0);
        }
        return dev.kagentmaven.core.translate.Pipeline.run(sources, options);
    }

    /** One {@code yaml-limits} error per file over {@link #MAX_SOURCE_BYTES}, or one when the total exceeds {@link #MAX_TOTAL_BYTES}. */
    private static List<Diagnostic> sizeLimits(List<Source> sources) {
        List<Diagnostic> out = new ArrayList<>();
        long total = 0;
        for (Source s : sources) {
            long size = s.content().length;
            if (size > MAX_SOURCE_BYTES) {
                out.add(Diagnostic.error("yaml-limits", "the file is " + size + " bytes, more than the limit of "
                        + MAX_SOURCE_BYTES + " bytes per input file", new Origin(s.name(), 1, 1, 1, "")));
            }
            total += size;
            if (total > MAX_TOTAL_BYTES && out.isEmpty()) {
                out.add(Diagnostic.error("yaml-limits", "the inputs exceed the limit of " + MAX_TOTAL_BYTES
                        + " bytes in total (reached at this file)", new Origin(s.name(), 1, 1, 1, "")));
            }
        }
        return out;
    }
}
