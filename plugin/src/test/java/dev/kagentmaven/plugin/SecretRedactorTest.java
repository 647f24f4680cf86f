package dev.kagentmaven.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class SecretRedactorTest {

    private static final String SECRET = "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n  namespace: ns\n"
            + "stringData:\n  config.json: '{\"key\":\"VALUE1\"}'\n  block: |\n    line one\n    line two\n\n    after blank\n"
            + "  same: unchanged\n"
            + "data:\n  token: c2VjcmV0\n"
            + "type: Opaque\n"
            + "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: ns\ndata:\n  visible: yes\n";

    @Test
    void changedValuesShowOnlyKeyAndSize() {
        String changed = SECRET.replace("VALUE1", "VALUE22").replace("after blank", "AFTER");
        SecretRedactor.Pair p = SecretRedactor.redact(SECRET, changed);
        assertEquals("---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n  namespace: ns\n"
                + "stringData:\n  config.json: <redacted>\n  block: <redacted>\n"
                + "  same: <redacted>\n"
                + "data:\n  token: <redacted>\n"
                + "type: Opaque\n"
                + "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: ns\ndata:\n  visible: yes\n",
                p.actual());
        assertEquals(p.actual().replace("config.json: <redacted>", "config.json: <redacted: 2 bytes changed>")
                .replace("block: <redacted>", "block: <redacted: 11 bytes changed>"), p.expected());
        String both = p.actual() + p.expected();
        for (String hidden : new String[] {"VALUE", "line one", "after blank", "AFTER", "c2VjcmV0", "unchanged"}) {
            assertFalse(both.contains(hidden), hidden);
        }
    }

    @Test
    void keysOnOneSideOnlyShowTheirSize() {
        String added = SECRET.replace("  same: unchanged\n", "  same: unchanged\n  new-key: abc\n");
        SecretRedactor.Pair p = SecretRedactor.redact(SECRET, added);
        assertEquals(p.actual().replace("  same: <redacted>\n", "  same: <redacted>\n  new-key: <redacted: 3 bytes>\n"),
                p.expected());
    }

    @Test
    void flowStyleAndQuotedKeysAndCrlf() {
        String text = "kind: Secret\r\nmetadata:\r\n  name: x\r\ndata: {a: b}\r\nstringData:\r\n  \"we:ird\": 's3cr3t'\r\n";
        String r = SecretRedactor.redact(text);
        assertEquals("kind: Secret\r\nmetadata:\r\n  name: x\r\ndata: <redacted: 6 bytes>\n"
                + "stringData:\r\n  \"we:ird\": <redacted: 8 bytes>\n", r);
    }

    @Test
    void stringDataIsRedactedWhateverTheKindAndDataOnlyInSecrets() {
        String text = "kind: Sekret\nstringData:\n  k: v\ndata:\n  d: shown\n";
        assertEquals("kind: Sekret\nstringData:\n  k: <redacted: 1 byte>\ndata:\n  d: shown\n", SecretRedactor.redact(text));
    }

    @Test
    void textsWithoutSecretsAreUnchanged() {
        String text = "kind: Deployment\nspec:\n  data: x\n";
        assertEquals(new SecretRedactor.Pair(text, text + "x"), SecretRedactor.redact(text, text + "x"));
    }

    @Test
    void changedBytesCountsTheDifferingMiddle() {
        assertEquals(0, SecretRedactor.changedBytes("abc", "abc"));
        assertEquals(1, SecretRedactor.changedBytes("abc", "axc"));
        assertEquals(3, SecretRedactor.changedBytes("abc", "abcdef"));
        assertEquals(2, SecretRedactor.changedBytes("ü", "u"));
    }
}
