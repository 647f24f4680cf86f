package dev.kagentmaven.core.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kagentmaven.core.Diagnostic;
import dev.kagentmaven.core.Manifest;
import dev.kagentmaven.core.Options;
import dev.kagentmaven.core.Result;
import dev.kagentmaven.core.Source;
import dev.kagentmaven.core.Translator;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Shared inputs and readers for the translate tests. Everything goes through the public API:
 * {@link Translator#translate} and the fabric8 objects of the returned {@link Manifest}s.
 */
final class TranslateFixture {
    /** The input file name every test uses; diagnostics must point into it. */
    static final String FILE = "src/main/kagent/agents.yaml";
    /** kagent's golden harness defaults (image tag {@code dev}). */
    static final Options OPTIONS = Options.builder().imageTag("dev").build();
    /** The controller-injected env vars that close every agent's env list (defaults). */
    static final List<String> KAGENT_ENV = List.of("KAGENT_NAMESPACE<-field:metadata.namespace",
            "KAGENT_NAME=%s", "KAGENT_URL=http://kagent-controller.kagent:8083");
    private static final Set<String> FIXED = Set.of("KAGENT_NAMESPACE", "KAGENT_NAME", "KAGENT_URL");

    /** The OpenAI ModelConfig {@code test/model} most tests use (kagent's basic_agent model without sampling). */
    static final String OPENAI_MODEL = """
            apiVersion: kagent.dev/v1alpha2
            kind: ModelConfig
            metadata:
              name: model
              namespace: test
            spec:
              provider: OpenAI
              model: gpt-4o
              apiKeySecret: openai-secret
              apiKeySecretKey: api-key
            """;

    private TranslateFixture() {
    }

    /** A Declarative agent {@code test/<name>} using ModelConfig {@code model}, system message "Be helpful.". */
    static String agent(String name) {
        return agent(name, "");
    }

    /**
     * A Declarative agent {@code test/<name>}; {@code extraDeclarative} is YAML appended inside
     * {@code spec.declarative} (indented by the caller with 4 spaces).
     */
    static String agent(String name, String extraDeclarative) {
        return """
                apiVersion: kagent.dev/v1alpha2
                kind: Agent
                metadata:
                  name: %s
                  namespace: test
                spec:
                  type: Declarative
                  declarative:
                    modelConfig: model
                    systemMessage: Be helpful.
                %s""".formatted(name, extraDeclarative);
    }

    static Result run(String... documents) {
        return run(OPTIONS, documents);
    }

    /** Translates the documents, joined into one multi-document file {@link #FILE}. */
    static Result run(Options options, String... documents) {
        String text = Arrays.stream(documents).map(String::stripTrailing).collect(Collectors.joining("\n---\n"));
        return Translator.translate(List.of(Source.ofString(FILE, text + "\n")), options);
    }

    /** Runs and asserts there is no error. */
    static Result ok(Options options, String... documents) {
        Result r = run(options, documents);
        if (r.hasErrors()) {
            fail("unexpected errors: " + r.errors());
        }
        return r;
    }

    static Result ok(String... documents) {
        return ok(OPTIONS, documents);
    }

    /** Runs, expects errors and no manifests; returns the error messages. */
    static List<Diagnostic> failing(Options options, String... documents) {
        Result r = run(options, documents);
        assertTrue(r.hasErrors(), "expected errors, got none");
        assertTrue(r.manifests().isEmpty(), "a run with errors must produce no manifests");
        return r.errors();
    }

    static List<Diagnostic> failing(String... documents) {
        return failing(OPTIONS, documents);
    }

    /** Asserts one error contains {@code expected} and points into {@link #FILE} at a real line. */
    static Diagnostic assertError(List<Diagnostic> errors, String expected) {
        Optional<Diagnostic> d = errors.stream().filter(e -> e.message().contains(expected)).findFirst();
        if (d.isEmpty()) {
            fail("no error contains <" + expected + ">; errors: " + errors);
        }
        Diagnostic e = d.get();
        assertEquals(FILE, e.origin().source(), () -> "origin file of " + e);
        assertTrue(e.origin().document() >= 1, () -> "document index of " + e);
        assertTrue(e.origin().line() > 0, () -> "line of " + e);
        return e;
    }

    static Manifest manifest(Result r, String name) {
        return r.manifests().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no manifest for " + name + " in " + r.manifests()));
    }

    static <T extends HasMetadata> Optional<T> object(Manifest m, Class<T> type) {
        return m.objects().stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    static Secret secret(Manifest m) {
        return object(m, Secret.class).orElseThrow();
    }

    static Deployment deployment(Manifest m) {
        return object(m, Deployment.class).orElseThrow();
    }

    static Service service(Manifest m) {
        return object(m, Service.class).orElseThrow();
    }

    static Optional<ServiceAccount> serviceAccount(Manifest m) {
        return object(m, ServiceAccount.class);
    }

    static Optional<ConfigMap> configMap(Manifest m) {
        return object(m, ConfigMap.class);
    }

    /** config.json of the first (or only) agent. */
    static String config(Result r) {
        return config(r.manifests().get(0));
    }

    static String config(Manifest m) {
        return secret(m).getStringData().get("config.json");
    }

    static String card(Manifest m) {
        return secret(m).getStringData().get("agent-card.json");
    }

    /** The config.json a default agent ("Be helpful.", no tools) gets around {@code modelJson}. */
    static String configWithModel(String modelJson) {
        return "{\"model\":" + modelJson + ",\"description\":\"\",\"instruction\":\"Be helpful.\",\"stream\":false}";
    }

    static Container kagentContainer(Manifest m) {
        return deployment(m).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    /** Env var summaries: {@code N=v}, {@code N<-secret:name/key}, {@code N<-field:path}. */
    static List<String> env(Manifest m) {
        List<String> out = new ArrayList<>();
        for (EnvVar e : kagentContainer(m).getEnv()) {
            out.add(describe(e));
        }
        return out;
    }

    /** {@link #env} without the always-present KAGENT_NAMESPACE / KAGENT_NAME / KAGENT_URL trio. */
    static List<String> modelEnv(Manifest m) {
        List<String> out = new ArrayList<>();
        for (EnvVar e : kagentContainer(m).getEnv()) {
            if (!FIXED.contains(e.getName())) {
                out.add(describe(e));
            }
        }
        return out;
    }

    static String describe(EnvVar e) {
        if (e.getValueFrom() == null) {
            return e.getName() + "=" + (e.getValue() == null ? "" : e.getValue());
        }
        if (e.getValueFrom().getSecretKeyRef() != null) {
            var ref = e.getValueFrom().getSecretKeyRef();
            return e.getName() + "<-secret:" + (ref.getName() == null ? "" : ref.getName()) + "/" + ref.getKey();
        }
        if (e.getValueFrom().getFieldRef() != null) {
            return e.getName() + "<-field:" + e.getValueFrom().getFieldRef().getFieldPath();
        }
        return e.getName() + "<-?";
    }

    /** Volume summaries: {@code name:secret=<s>[,mode=<m>]}, {@code name:emptyDir}, {@code name:configMap=<c>}, {@code name:projected}. */
    static List<String> volumes(Manifest m) {
        List<String> out = new ArrayList<>();
        for (Volume v : deployment(m).getSpec().getTemplate().getSpec().getVolumes()) {
            if (v.getSecret() != null) {
                Integer mode = v.getSecret().getDefaultMode();
                out.add(v.getName() + ":secret=" + v.getSecret().getSecretName() + (mode == null ? "" : ",mode=" + mode));
            } else if (v.getEmptyDir() != null) {
                out.add(v.getName() + ":emptyDir");
            } else if (v.getConfigMap() != null) {
                out.add(v.getName() + ":configMap=" + v.getConfigMap().getName());
            } else if (v.getProjected() != null) {
                out.add(v.getName() + ":projected");
            } else {
                out.add(v.getName() + ":other");
            }
        }
        return out;
    }

    /** Mount summaries of the kagent container: {@code name:path[:ro]}. */
    static List<String> mounts(Manifest m) {
        List<String> out = new ArrayList<>();
        for (VolumeMount vm : kagentContainer(m).getVolumeMounts()) {
            out.add(vm.getName() + ":" + vm.getMountPath() + (Boolean.TRUE.equals(vm.getReadOnly()) ? ":ro" : ""));
        }
        return out;
    }

    /** The fixed env tail for agent {@code name} with default options. */
    static List<String> kagentEnv(String name) {
        return KAGENT_ENV.stream().map(s -> s.replace("%s", name)).toList();
    }

    static void assertNoWarningsAbout(Result r, String text) {
        assertFalse(r.warnings().stream().anyMatch(w -> w.message().contains(text)), () -> r.warnings().toString());
    }
}
