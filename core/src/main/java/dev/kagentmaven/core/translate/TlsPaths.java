package dev.kagentmaven.core.translate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kagentmaven.core.model.Node;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * kagent's per-Secret TLS volume naming and the TLSConfig → {@code tls_*} derivation
 * (agent-config.md §6.2); the same id rule serves MCPServer client certificates (mcpserver.md §7.3).
 */
final class TlsPaths {
    static final String CA_PREFIX = "tls-ca-";
    static final String CA_MOUNT_ROOT = "/etc/ssl/certs/custom";
    /** 0444: read-only for everyone. */
    static final int READ_ONLY_MODE = 292;
    private static final Pattern DNS1123_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");

    private TlsPaths() {
    }

    /** The id: the Secret name when {@code prefix + name} is a valid DNS-1123 label, else 8 hex of SHA-256(name). */
    static String id(String prefix, String secretName) {
        String candidate = prefix + secretName;
        if (candidate.getBytes(StandardCharsets.UTF_8).length > 63 || !DNS1123_LABEL.matcher(candidate).matches()) {
            return sha256Hex(secretName).substring(0, 8);
        }
        return secretName;
    }

    static String sha256Hex(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    /** POSIX path.Join + Clean of two parts (Go's path.Join). */
    static String join(String dir, String file) {
        String joined = file.isEmpty() ? dir : dir + "/" + file;
        return clean(joined);
    }

    /** Go's path.Clean for absolute and relative slash paths. */
    static String clean(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        boolean rooted = p.startsWith("/");
        Deque<String> out = new ArrayDeque<>();
        for (String part : p.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!out.isEmpty() && !out.peekLast().equals("..")) {
                    out.removeLast();
                } else if (!rooted) {
                    out.addLast("..");
                }
            } else {
                out.addLast(part);
            }
        }
        String body = String.join("/", out);
        if (rooted) {
            return "/" + body;
        }
        return body.isEmpty() ? "." : body;
    }

    /** Whether a TLSConfig block is "empty" (absent or all four fields zero). */
    static boolean isEmpty(Node tls) {
        return !tls.present() || (!tls.bool("disableVerify") && tls.str("caCertSecretRef").isEmpty()
                && tls.str("caCertSecretKey").isEmpty() && !tls.bool("disableSystemCAs"));
    }

    /** Writes the three {@code tls_*} keys for a non-empty TLSConfig onto {@code target}, in Go order. */
    static void putFields(ObjectNode target, Node tls) {
        if (isEmpty(tls)) {
            return;
        }
        target.put("tls_insecure_skip_verify", tls.bool("disableVerify"));
        String ref = tls.str("caCertSecretRef");
        String key = tls.str("caCertSecretKey");
        if (!ref.isEmpty() && !key.isEmpty()) {
            target.put("tls_ca_cert_path", join(CA_MOUNT_ROOT + "/" + id(CA_PREFIX, ref), key));
        }
        target.put("tls_disable_system_cas", tls.bool("disableSystemCAs"));
    }

    /** kagent's addTLSConfiguration: mounts the CA Secret once per volume name. */
    static void addCaVolume(DeploymentData data, Node tls) {
        if (!tls.present()) {
            return;
        }
        String ref = tls.str("caCertSecretRef");
        String key = tls.str("caCertSecretKey");
        if (ref.isEmpty() || key.isEmpty()) {
            return;
        }
        String id = id(CA_PREFIX, ref);
        data.addVolumeOnce(Json.secretVolume(CA_PREFIX + id, ref, READ_ONLY_MODE),
                Json.mount(CA_PREFIX + id, CA_MOUNT_ROOT + "/" + id, true));
    }
}
