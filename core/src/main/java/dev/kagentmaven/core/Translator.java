package dev.kagentmaven.core;

import java.util.List;

/**
 * The public entry point: reads the given sources, translates every selected Agent as the kagent
 * controller would, and returns the objects together with all diagnostics. Pure: no I/O, no
 * logging, no global state; safe to call from several threads at once.
 */
public final class Translator {

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
        return dev.kagentmaven.core.translate.Pipeline.run(sources, options);
    }
}
