package dev.kagentmaven.core.translate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The {@code kagent.dev/config-hash} annotation value (agent-config.md §8.1). */
final class ConfigHash {
    private ConfigHash() {
    }

    /** SHA-256(config ‖ card ‖ secretHashBytes ‖ srt ‖ skillsInit), first 8 bytes as an unsigned big-endian decimal. */
    static String compute(String config, String card, byte[] secretHashBytes, String srtSettings, String skillsInit) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(config.getBytes(StandardCharsets.UTF_8));
            md.update(card.getBytes(StandardCharsets.UTF_8));
            md.update(secretHashBytes);
            md.update(srtSettings.getBytes(StandardCharsets.UTF_8));
            md.update(skillsInit.getBytes(StandardCharsets.UTF_8));
            long v = ByteBuffer.wrap(md.digest(), 0, 8).getLong();
            return Long.toUnsignedString(v);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
