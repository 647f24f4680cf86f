package dev.kagentmaven.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Secret values never reach a diagnostic (issue 6): planted marker values in Secret {@code data} and
 * {@code stringData}, in an API key Secret, in a header value from a Secret and in a system message from
 * a Secret must not appear — plain, base64-encoded or in part — in any message or origin of any
 * diagnostic, for a battery of broken inputs around them (type errors next to the values, duplicates,
 * bad base64, bad keys, templates that fail, syntax errors, numbers where strings belong).
 */
class SecretsInDiagnosticsTest {

    static final String MARKER = "SeCrEtMaRkEr7731";
    static final String NUMERIC_MARKER = "77310099887766";

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Everything that must never appear: the markers, their base64 forms and distinctive parts of them. */
    static List<String> forbidden() {
        List<String> out = new ArrayList<>(List.of(MARKER, NUMERIC_MARKER, "MaRkEr7731", b64(MARKER),
                b64("sk-" + MARKER), b64("Bearer " + MARKER), b64(MARKER + " {{ .Broken"), b64("{{ " + MARKER + " }}"),
                b64("{{ ." + MARKER + " }}"), b64("{{ include \"" + MARKER + "\" }}")));
        out.add(b64(MARKER).substring(0, 12));
        return out;
    }

    static final String MODEL = """
            apiVersion: kagent.dev/v1alpha2
            kind: ModelConfig
            metadata: {name: model, namespace: ns}
            spec:
              provider: OpenAI
              model: gpt-4o
              apiKeySecret: api
              apiKeySecretKey: key
            """;

    static final String API_SECRET = """
            apiVersion: v1
            kind: Secret
            metadata: {name: api, namespace: ns}
            data:
              key: %s
            """.formatted(b64("sk-" + MARKER));

    static String agent(String extra) {
        return """
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata: {name: a, namespace: ns}
                spec:
                  type: Declarative
                  declarative:
                    modelConfig: model
                %s""".formatted(extra.indent(4));
    }

    static final String HEADER_SERVER = """
            apiVersion: kagent.dev/v1alpha2
            kind: RemoteMCPServer
            metadata: {name: tools, namespace: ns}
            spec:
              url: http://tools.ns:8080/mcp
              description: d
              headersFrom:
              - name: Authorization
                valueFrom: {type: Secret, name: hdr, key: token}
            """;

    static final String HEADER_SECRET = """
            apiVersion: v1
            kind: Secret
            metadata: {name: hdr, namespace: ns}
            stringData:
              token: "Bearer %s"
            """.formatted(MARKER);

    static final String TOOL = """
            systemMessage: hi
            tools:
            - type: McpServer
              mcpServer: {name: tools, kind: RemoteMCPServer, apiGroup: kagent.dev, toolNames: [t]}
            """;

    static Stream<List<String>> cases() {
        String sysSecret = "apiVersion: v1\nkind: Secret\nmetadata: {name: sys, namespace: ns}\ndata:\n  msg: %s\n";
        String fromSecret = "systemMessageFrom: {type: Secret, name: sys, key: msg}\n"
                + "promptTemplate: {dataSources: [{kind: ConfigMap, name: cm}]}\n";
        String cm = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm, namespace: ns}\ndata: {p: x}\n";
        return Stream.of(
                // type errors next to the values
                List.of(MODEL, API_SECRET.replace("data:\n", "data:\n  other: 5\n  third: [x]\n"), agent("systemMessage: hi\nstream: 7\n")),
                List.of(MODEL, API_SECRET.replace("  key: ", "  key: \n  nested: {v: " + MARKER + "}\n  k2: "), agent("systemMessage: hi\n")),
                // numbers where Secret strings belong
                List.of(MODEL, API_SECRET.replace("  key: ", "  num: " + NUMERIC_MARKER + "\n  key: "), agent("systemMessage: hi\n")),
                List.of("apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: ns}\nstringData: {k: " + NUMERIC_MARKER + "}\n"),
                // duplicate Secrets, bad names, bad keys, unknown fields
                List.of(MODEL, API_SECRET, API_SECRET, agent("systemMessage: hi\n")),
                List.of(API_SECRET.replace("name: api", "name: Api_Bad").replace("data:", "dta:")),
                List.of(API_SECRET.replace("  key:", "  \"../key\":")),
                List.of(HEADER_SECRET.replace("token:", "\"bad key\":") + "typo: 1\n"),
                // bad base64 (the value contains the marker itself)
                List.of(MODEL, API_SECRET.replace(b64("sk-" + MARKER), "\"!" + MARKER + "!\""), agent("systemMessage: hi\n")),
                List.of(MODEL, API_SECRET.replace(b64("sk-" + MARKER), b64("sk-" + MARKER).substring(1)), agent("systemMessage: hi\n")),
                // the Secret is fine, the consumer is broken
                List.of(MODEL.replace("apiKeySecretKey: key", "apiKeySecretKey: missing"), API_SECRET,
                        agent("systemMessage: hi\ndeployment: {replicas: many}\n")),
                List.of(MODEL, API_SECRET, HEADER_SERVER.replace("key: token", "key: nope"), HEADER_SECRET, agent(TOOL)),
                List.of(MODEL, API_SECRET, HEADER_SERVER, HEADER_SECRET, agent(TOOL + "stream: maybe\n")),
                List.of(MODEL, API_SECRET, HEADER_SERVER.replace("type: Secret", "type: Sekret"), HEADER_SECRET, agent(TOOL)),
                // system message from a Secret that fails as a template, or is not valid UTF-8 text
                List.of(MODEL, API_SECRET, cm, sysSecret.formatted(b64(MARKER + " {{ .Broken")), agent(fromSecret)),
                List.of(MODEL, API_SECRET, cm, sysSecret.formatted(b64("{{ " + MARKER + " }}")), agent(fromSecret)),
                List.of(MODEL, API_SECRET, cm, sysSecret.formatted(b64("{{ ." + MARKER + " }}")), agent(fromSecret)),
                List.of(MODEL, API_SECRET, cm, sysSecret.formatted(b64("{{ include \"" + MARKER + "\" }}")), agent(fromSecret)),
                List.of(MODEL, API_SECRET, sysSecret.formatted(b64(MARKER)), agent(fromSecret.replace("key: msg", "key: other"))),
                // TLS CA from a Secret holding the marker instead of a certificate
                List.of(MODEL + "  tls: {caCertSecretRef: api, caCertSecretKey: key, disableVerify: 1}\n", API_SECRET,
                        agent("systemMessage: hi\n")),
                // syntax errors right after a secret value
                List.of(API_SECRET.replace("  key: ", "  key: \"") + "  other: x\n"),
                List.of(API_SECRET + "  k2: " + MARKER + ": " + MARKER + "\n"),
                List.of(API_SECRET + "\t" + MARKER + "\n"),
                List.of(HEADER_SECRET.replace("\"Bearer", "[\"Bearer")),
                List.of("{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"s\"},\"data\":{\"k\":" + MARKER + "}}"),
                List.of("{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"s\"},\"stringData\":{\"k\":\"" + MARKER
                        + "\"}} " + MARKER),
                List.of("{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"s\"},\"stringData\":{\"k\":\"" + MARKER
                        + "\\x\"}}"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void noSecretValueInAnyDiagnostic(List<String> files) {
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String text = files.get(i);
            sources.add(Source.ofString("in/f" + i + (text.startsWith("{") ? ".json" : ".yaml"), text));
        }
        Result r = Translator.translate(sources, Options.builder().build());
        assertFalse(r.diagnostics().isEmpty(), "the case must provoke at least one diagnostic");
        for (Diagnostic d : r.diagnostics()) {
            for (String secret : forbidden()) {
                assertFalse(d.message().contains(secret), () -> "secret value in: " + d);
                assertFalse(d.origin().toString().contains(secret), () -> "secret value in origin: " + d);
            }
        }
        assertTrue(r.hasErrors() || !r.warnings().isEmpty());
    }
}
