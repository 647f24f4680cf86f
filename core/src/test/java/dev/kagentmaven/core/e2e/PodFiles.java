package dev.kagentmaven.core.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kagentmaven.core.Manifest;
import dev.kagentmaven.core.Source;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretVolumeSource;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays kubelet for the rendered agent: every Secret volume of the Deployment that container
 * {@code kagent} mounts is written as files {@code <root><mountPath>/<key>}. Secret contents come from
 * the "cluster": the Secrets among the build inputs (decoded from {@code data}/{@code stringData}), or
 * — for Secrets the translator itself renders, such as the agent's config Secret — the rendered object.
 */
final class PodFiles {
    static final String CONTAINER = "kagent";
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One materialised mount: volume name, Secret name, mount path inside the pod, files written. */
    record Mounted(String volume, String secret, String mountPath, List<Path> files) {
    }

    private PodFiles() {
    }

    static Deployment deployment(Manifest manifest) {
        return only(manifest, Deployment.class, null);
    }

    /** The rendered Secret called {@code name}. */
    static Secret renderedSecret(Manifest manifest, String name) {
        return only(manifest, Secret.class, name);
    }

    /** The {@code config.json} of the rendered config Secret (named like the agent), parsed. */
    static JsonNode configJson(Manifest manifest) throws IOException {
        Secret config = renderedSecret(manifest, manifest.name());
        String text = secretData(config).get("config.json");
        if (text == null) {
            throw new AssertionError("rendered config Secret " + manifest.name() + " has no config.json");
        }
        return JSON.readTree(text);
    }

    /** Writes every Secret volume mounted on container {@code kagent} under {@code root}. */
    static List<Mounted> materialise(Manifest manifest, List<Source> inputs, Path root) throws IOException {
        Map<String, Map<String, String>> cluster = inputSecrets(inputs, manifest.namespace());
        var pod = deployment(manifest).getSpec().getTemplate().getSpec();
        Container kagent = pod.getContainers().stream().filter(c -> CONTAINER.equals(c.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + CONTAINER));
        List<Mounted> out = new ArrayList<>();
        for (Volume v : pod.getVolumes()) {
            SecretVolumeSource source = v.getSecret();
            if (source == null) {
                continue;
            }
            for (VolumeMount m : kagent.getVolumeMounts()) {
                if (m.getName().equals(v.getName())) {
                    Map<String, String> data = cluster.containsKey(source.getSecretName())
                            ? cluster.get(source.getSecretName())
                            : secretData(renderedSecret(manifest, source.getSecretName()));
                    out.add(write(v.getName(), source, m.getMountPath(), data, root));
                }
            }
        }
        return out;
    }

    /** {@code <root>/<absolute pod path without its leading slash>}: a pod path inside the temp root. */
    static Path underRoot(Path root, String podPath) {
        if (!podPath.startsWith("/")) {
            throw new AssertionError("pod path is not absolute: " + podPath);
        }
        Path p = root.resolve(podPath.substring(1)).normalize();
        if (!p.startsWith(root)) {
            throw new AssertionError("pod path escapes the pod root: " + podPath);
        }
        return p;
    }

    private static Mounted write(String volume, SecretVolumeSource source, String mountPath,
                                 Map<String, String> data, Path root) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        if (source.getItems() == null || source.getItems().isEmpty()) {
            data.forEach(files::put);
        } else {
            for (KeyToPath item : source.getItems()) {
                files.put(item.getPath(), data.get(item.getKey()));
            }
        }
        Path dir = underRoot(root, mountPath);
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            if (f.getValue() == null) {
                throw new AssertionError("Secret " + source.getSecretName() + " lacks a projected key");
            }
            Path file = dir.resolve(f.getKey()).normalize();
            Files.createDirectories(file.getParent());
            written.add(Files.writeString(file, f.getValue(), StandardCharsets.UTF_8));
        }
        return new Mounted(volume, source.getSecretName(), mountPath, written);
    }

    /** Secret {@code data} (base64-decoded) with {@code stringData} merged over it, as the API server does. */
    private static Map<String, String> secretData(Secret s) {
        Map<String, String> out = new LinkedHashMap<>();
        if (s.getData() != null) {
            s.getData().forEach((k, v) -> out.put(k, decode(v)));
        }
        if (s.getStringData() != null) {
            out.putAll(s.getStringData());
        }
        return out;
    }

    /** The v1 Secrets of {@code namespace} among the inputs, by name. */
    private static Map<String, Map<String, String>> inputSecrets(List<Source> inputs, String namespace)
            throws IOException {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Source src : inputs) {
            try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(src.content())) {
                while (docs.hasNext()) {
                    JsonNode doc = docs.next();
                    if ("v1".equals(doc.path("apiVersion").asText()) && "Secret".equals(doc.path("kind").asText())
                            && namespace.equals(doc.path("metadata").path("namespace").asText())) {
                        out.put(doc.path("metadata").path("name").asText(), decodedSecret(doc));
                    }
                }
            }
        }
        return out;
    }

    private static Map<String, String> decodedSecret(JsonNode doc) {
        Map<String, String> data = new LinkedHashMap<>();
        doc.path("data").fields().forEachRemaining(e -> data.put(e.getKey(), decode(e.getValue().asText())));
        doc.path("stringData").fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
        return data;
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    private static <T extends HasMetadata> T only(Manifest manifest, Class<T> type, String name) {
        List<T> found = manifest.objects().stream().filter(type::isInstance).map(type::cast)
                .filter(o -> name == null || name.equals(o.getMetadata().getName())).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + (name == null ? "" : " " + name)
                    + " in " + manifest.key() + ", found " + found.size());
        }
        return found.get(0);
    }
}
