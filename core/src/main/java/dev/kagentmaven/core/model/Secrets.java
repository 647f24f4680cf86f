package dev.kagentmaven.core.model;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Decoded view of a Secret's values: base64 {@code data} with {@code stringData} merged over it (API-server semantics). */
public final class Secrets {
    private Secrets() {
    }

    /** Key → decoded value (UTF-8). Invalid base64 is an error on that key; the key is skipped. */
    public static Map<String, String> data(Node secret) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, String> raw = secret.strMap("data");
        raw.forEach((k, v) -> {
            try {
                out.put(k, new String(Base64.getDecoder().decode(v.strip()), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                secret.obj("data").child(k).error("base64", "Secret data key \"" + k + "\" is not valid base64");
            }
        });
        out.putAll(secret.strMap("stringData"));
        return out;
    }
}
