package dev.kagentmaven.core.io;

import static dev.kagentmaven.core.io.RoundTrip.NASTY;
import static dev.kagentmaven.core.io.RoundTrip.SPECIAL_WORDS;
import static dev.kagentmaven.core.io.RoundTrip.assertRoundTrip;
import static dev.kagentmaven.core.io.RoundTrip.longJson;
import static dev.kagentmaven.core.io.RoundTrip.toTree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kagentmaven.core.Diagnostic;
import dev.kagentmaven.core.Source;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class ManifestYamlTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void writesTheExpectedTextForADeploymentAndAConfigMap() {
        assertEquals(EXPECTED_DEPLOYMENT_AND_CONFIG_MAP, ManifestYaml.write(deploymentAndConfigMap()));
    }

    @Test
    void nastyStringsRoundTripAsValuesAndKeysThroughYaml11AndJackson() throws Exception {
        ObjectNode doc = obj("kind", "Nasty");
        ObjectNode byIndex = doc.putObject("values");
        ArrayNode list = doc.putArray("list");
        ObjectNode keys = doc.putObject("keys");
        ArrayNode objects = doc.putArray("objects");
        for (int i = 0; i < NASTY.size(); i++) {
            String s = NASTY.get(i);
            byIndex.put("v" + i, s);
            list.add(s);
            keys.put(s, i);
            objects.addObject().put(s, s).putObject("inner").put("x", s);
        }
        assertRoundTrip(List.of(doc, doc.deepCopy()));
    }

    @Test
    void yaml11WordsNumbersAndTimestampsAreQuoted() {
        List<String> mustQuote = new ArrayList<>(SPECIAL_WORDS);
        mustQuote.addAll(List.of("2024-01-01", "12:30", "=", "<<", "0123", "0o17", "1e3", "+1", ".5", "-", ".inf", ".NaN"));
        for (String s : mustQuote) {
            String text = ManifestYaml.write(List.of(obj("v", s)));
            assertEquals("---\nv: '" + s + "'\n", text);
            text = ManifestYaml.write(List.of(obj(s, "v")));
            assertEquals("---\n'" + s + "': v\n", text);
        }
        for (String s : List.of("app.kubernetes.io/name", "kagent.dev/config-hash", "config.json", "my-agent", "a:b",
                "x#y", "http://h:80/p", "café", "😀", "gpt-4o", ".dockerconfigjson")) {
            assertEquals("---\n" + s + ": " + s + "\n", ManifestYaml.write(List.of(obj(s, s))), s);
        }
    }

    @Test
    void randomStringsRoundTrip() throws Exception {
        String[] alphabet = {"a", "b", "Z", "0", "1", "9", " ", "  ", "-", ":", "#", "'", "\"", "\\", "\n", "\t", "\r",
            ".", "_", "+", "e", "x", "y", "n", "o", "N", "O", "~", "?", "[", "{", "}", ",", "&", "*", "!", "|", ">", "%",
            "@", "`", "=", "<", "\u0085", "\u2028", "é", "😀", "\u0000", "\u00A0", "\uFEFF", "yes", "null", "true", "---"};
        Random random = new Random(20240601);
        List<JsonNode> docs = new ArrayList<>();
        for (int d = 0; d < 20; d++) {
            ObjectNode doc = NODES.objectNode();
            ArrayNode values = doc.putArray("values");
            ObjectNode keys = doc.putObject("keys");
            for (int i = 0; i < 150; i++) {
                StringBuilder s = new StringBuilder();
                int length = random.nextInt(9);
                for (int c = 0; c < length; c++) {
                    s.append(alphabet[random.nextInt(alphabet.length)]);
                }
                values.add(s.toString());
                keys.put(s.toString(), s.toString());
            }
            docs.add(doc);
        }
        assertRoundTrip(docs);
    }

    @Test
    void numbersBooleansAndNullsArePlainAndKeepTheirType() throws Exception {
        ObjectNode doc = NODES.objectNode();
        doc.put("int", 8080).put("negative", -1).put("zero", 0).put("long", Long.MAX_VALUE)
                .put("big", new BigInteger("123456789012345678901234567890")).put("double", 1.5).put("small", 1e-7)
                .put("large", 1e20).put("negZero", -0.0).put("t", true).put("f", false).putNull("nothing");
        String text = ManifestYaml.write(List.of(doc));
        assertTrue(text.contains("\nint: 8080\n") && text.contains("\nt: true\n") && text.contains("\nnothing: null\n")
                && text.contains("\nlarge: 1.0e+20\n") && text.contains("\nsmall: 1.0e-7\n"), text);
        assertRoundTrip(List.of(doc));

        ObjectNode special = NODES.objectNode().put("inf", Double.POSITIVE_INFINITY)
                .put("ninf", Double.NEGATIVE_INFINITY).put("nan", Double.NaN);
        String specialText = ManifestYaml.write(List.of(special));
        assertEquals("---\ninf: .inf\nninf: -.inf\nnan: .nan\n", specialText);
        assertEquals(special, toTree(new Yaml().load(specialText)), "Jackson cannot read .inf; SnakeYAML can");
    }

    @Test
    void multiLineStringsUseLiteralBlocksOrDoubleQuotes() {
        ObjectNode doc = NODES.objectNode();
        doc.put("clip", "a\nb\n").put("strip", "a\n\nb").put("keep", "a\n\n").put("tail", 1);
        doc.putArray("items").add("x\ny").addObject().put("k", "p\nq\n");
        doc.put("trailingSpace", "a \nb").put("leadingSpace", " a\nb").put("cr", "a\r\nb").put("tab", "a\n\tb")
                .put("onlyNewlines", "\n\n").put("leadingNewline", "\n  x");
        String expected = """
                ---
                clip: |
                  a
                  b
                strip: |-
                  a

                  b
                keep: |+
                  a

                tail: 1
                items:
                  - |-
                    x
                    y
                  - k: |
                      p
                      q
                trailingSpace: "a \\nb"
                leadingSpace: " a\\nb"
                cr: "a\\r\\nb"
                tab: "a\\n\\tb"
                onlyNewlines: "\\n\\n"
                leadingNewline: "\\n  x"
                """;
        assertEquals(expected, ManifestYaml.write(List.of(doc)));
    }

    @Test
    void streamEndsWithOneNewlineEvenWhenTheLastStringKeepsBlankLines() throws Exception {
        List<JsonNode> docs = List.of(obj("a", "x\n\n"), obj("b", "y\n\n\n"));
        String text = ManifestYaml.write(docs);
        assertTrue(text.startsWith("---\na: |+\n  x\n\n---\n"), text);
        assertTrue(text.endsWith("\nb: \"y\\n\\n\\n\"\n"), text);
        assertRoundTrip(docs);
        assertEquals("", ManifestYaml.write(List.of()));
        assertEquals("---\n{}\n---\n[]\n---\n- a\n---\nscalar\n", ManifestYaml.write(List.of(NODES.objectNode(),
                NODES.arrayNode(), NODES.arrayNode().add("a"), NODES.textNode("scalar"))));
    }

    @Test
    void longLinesAreNeverFolded() throws Exception {
        String json = longJson(10_000);
        String spaced = "word ".repeat(3_000).trim();
        ObjectNode doc = obj("config.json", json, "text", spaced);
        doc.putArray("list").add(json);
        String text = ManifestYaml.write(List.of(doc));
        assertTrue(text.contains("\nconfig.json: '" + json.replace("'", "''") + "'\n"), "one line");
        assertTrue(text.contains("\ntext: " + spaced + "\n"), "plain, one line");
        assertTrue(text.contains("\n  - '" + json.replace("'", "''") + "'\n"), "one line in a sequence");
        assertEquals(5, text.split("\n", -1).length - 1, text.length() + " chars");
        assertRoundTrip(List.of(doc));
    }

    @Test
    void veryLongKeysUseTheExplicitKeyForm() throws Exception {
        String key = "k".repeat(1500);
        ObjectNode doc = NODES.objectNode();
        doc.put(key, "v");
        doc.putObject(key + "2").put("a", 1);
        doc.putArray("list").addObject().put(key, NODES.arrayNode().add(1).toString()).put("b", 2);
        String text = ManifestYaml.write(List.of(doc));
        assertTrue(text.startsWith("---\n? " + key + "\n: v\n? " + key + "2\n:\n  a: 1\nlist:\n  - ? " + key + "\n    : '[1]'\n"), text);
        assertRoundTrip(List.of(doc));
    }

    @Test
    void outputReadsBackThroughYamlDocumentsWithTheSameTrees() {
        List<JsonNode> docs = new ArrayList<>();
        for (int i = 0; i < NASTY.size(); i += 10) {
            ObjectNode doc = obj("kind", "K" + i);
            for (String s : NASTY.subList(i, Math.min(NASTY.size(), i + 10))) {
                doc.put(s, s);
            }
            docs.add(doc);
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Document> read = YamlDocuments.read(Source.ofString("out.yaml", ManifestYaml.write(docs)), diagnostics);
        assertTrue(diagnostics.isEmpty(), diagnostics::toString);
        assertEquals(docs, read.stream().map(Document::root).toList());
    }

    private static final String EXPECTED_DEPLOYMENT_AND_CONFIG_MAP = """
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: my-agent
              namespace: kagent
              labels:
                app.kubernetes.io/name: my-agent
                app.kubernetes.io/managed-by: kagent-maven-plugin
              annotations:
                kagent.dev/config-hash: '0123abc'
            spec:
              replicas: 1
              selector:
                matchLabels:
                  app: my-agent
              template:
                metadata:
                  labels:
                    app: my-agent
                spec:
                  containers:
                    - name: agent
                      image: ghcr.io/kagent-dev/app:0.7.0
                      args:
                        - '--host'
                        - '0.0.0.0'
                        - '--port'
                        - '8080'
                      ports:
                        - containerPort: 8080
                          name: http
                      env:
                        - name: DEBUG
                          value: 'true'
                        - name: PORT
                          value: '8080'
                        - name: EMPTY
                          value: ''
                      resources: {}
                      volumeMounts: []
                  volumes:
                    - name: config
                      secret:
                        secretName: my-agent
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cfg
            data:
              config.json: |
                {
                  "a": 1
                }
              'on': 'yes'
              script: |-
                #!/bin/sh
                echo hi
              nested: |+
                - a
                  - b

            matrix:
              - - 1
                - two
              - []
              - null
            """;

    /** A Deployment with labels, containers, env, ports and empty containers; a ConfigMap with block strings. */
    private static List<JsonNode> deploymentAndConfigMap() {
        ObjectNode deployment = obj("apiVersion", "apps/v1", "kind", "Deployment");
        ObjectNode metadata = deployment.putObject("metadata");
        metadata.put("name", "my-agent").put("namespace", "kagent");
        metadata.putObject("labels").put("app.kubernetes.io/name", "my-agent")
                .put("app.kubernetes.io/managed-by", "kagent-maven-plugin");
        metadata.putObject("annotations").put("kagent.dev/config-hash", "0123abc");
        ObjectNode spec = deployment.putObject("spec");
        spec.put("replicas", 1);
        spec.putObject("selector").putObject("matchLabels").put("app", "my-agent");
        ObjectNode template = spec.putObject("template");
        template.putObject("metadata").putObject("labels").put("app", "my-agent");
        ObjectNode podSpec = template.putObject("spec");
        ObjectNode container = podSpec.putArray("containers").addObject()
                .put("name", "agent").put("image", "ghcr.io/kagent-dev/app:0.7.0");
        container.putArray("args").add("--host").add("0.0.0.0").add("--port").add("8080");
        container.putArray("ports").addObject().put("containerPort", 8080).put("name", "http");
        ArrayNode env = container.putArray("env");
        env.addObject().put("name", "DEBUG").put("value", "true");
        env.addObject().put("name", "PORT").put("value", "8080");
        env.addObject().put("name", "EMPTY").put("value", "");
        container.putObject("resources");
        container.putArray("volumeMounts");
        podSpec.putArray("volumes").addObject().put("name", "config").putObject("secret").put("secretName", "my-agent");

        ObjectNode configMap = obj("apiVersion", "v1", "kind", "ConfigMap");
        configMap.putObject("metadata").put("name", "cfg");
        configMap.putObject("data").put("config.json", "{\n  \"a\": 1\n}\n").put("on", "yes")
                .put("script", "#!/bin/sh\necho hi").put("nested", "- a\n  - b\n\n");
        configMap.putArray("matrix").add(NODES.arrayNode().add(1).add("two")).add(NODES.arrayNode()).add(NODES.nullNode());
        return List.of(deployment, configMap);
    }

    private static ObjectNode obj(String... keyValues) {
        ObjectNode node = NODES.objectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            node.put(keyValues[i], keyValues[i + 1]);
        }
        return node;
    }
}
