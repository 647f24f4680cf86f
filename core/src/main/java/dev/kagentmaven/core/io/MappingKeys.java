package dev.kagentmaven.core.io;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One String per distinct mapping key for the documents read with it: a repository of thousands of
 * objects repeats the same few hundred keys ({@code apiVersion}, {@code metadata}, {@code name}, ...)
 * hundreds of thousands of times, and sharing them keeps the parsed trees small. One instance per
 * run (it holds no more keys than the inputs have); safe to use from several threads at once.
 */
public final class MappingKeys {
    /** Longer keys are rare and kept as they are. */
    private static final int MAX_LENGTH = 64;

    private final ConcurrentHashMap<String, String> keys = new ConcurrentHashMap<>();

    /** The shared String equal to {@code key}. */
    String canonical(String key) {
        if (key == null || key.length() > MAX_LENGTH) {
            return key;
        }
        String shared = keys.putIfAbsent(key, key);
        return shared == null ? key : shared;
    }
}
