package dev.kagentmaven.plugin;

import dev.kagentmaven.core.Diagnostic;
import dev.kagentmaven.core.Options;
import dev.kagentmaven.core.Result;
import dev.kagentmaven.core.Source;
import dev.kagentmaven.core.Translator;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Renders the kagent Agents found in {@code inputDirectory} into Kubernetes manifests, one
 * multi-document YAML file per Agent at {@code <outputDirectory>/<namespace>/<name>.yaml}, the way
 * the kagent controller would create them in a cluster. Works offline; needs no cluster.
 *
 * <p>All inputs are checked before anything is written: if any input has an error the goal fails
 * with one message listing every problem and writes nothing. Files whose content is unchanged are
 * not rewritten.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {

    /** The project's base directory; relative paths are resolved against it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    /**
     * Directory holding the input objects (Agent, ModelConfig, RemoteMCPServer, MCPServer, Secret,
     * ...). Every {@code *.yaml}, {@code *.yml} and {@code *.json} file below it is read, in
     * sorted path order; files may hold several YAML documents. Symbolic links that point outside
     * the directory are not followed. The directory must exist.
     */
    @Parameter(property = "kagent.inputDirectory", defaultValue = "${project.basedir}/src/main/kagent")
    private File inputDirectory;

    /**
     * Directory the manifests are written to, as {@code <namespace>/<agent>.yaml}. Point it into
     * the source tree (e.g. {@code ${project.basedir}/manifests}) to commit the output for GitOps.
     */
    @Parameter(property = "kagent.outputDirectory", defaultValue = "${project.build.directory}/kagent")
    private File outputDirectory;

    /**
     * Agents to render, each as {@code namespace/name}; on the command line a comma-separated
     * list. Other Agents in the inputs are still read (they can be referenced as tools) but produce
     * no output. Empty (the default) renders every Agent.
     */
    @Parameter(property = "kagent.agents")
    private List<String> agents;

    /**
     * Default ModelConfig as {@code namespace/name} (the controller's {@code --default-model-config}).
     * Accepted for parity with the controller; the agent translator does not use it.
     */
    @Parameter(property = "kagent.defaultModelConfig")
    private String defaultModelConfig;

    /**
     * Proxy URL through which agent-to-agent and MCP traffic is routed (the controller's
     * {@code --proxy-url}). Empty (the default) disables proxy routing.
     */
    @Parameter(property = "kagent.proxyUrl")
    private String proxyUrl;

    /**
     * ServiceAccount every agent runs as (the controller's {@code --default-service-account-name}).
     * Empty (the default) gives each agent its own ServiceAccount named after it.
     */
    @Parameter(property = "kagent.defaultServiceAccountName")
    private String defaultServiceAccountName;

    /** Skips the goal entirely: nothing is read or written. */
    @Parameter(property = "kagent.skip", defaultValue = "false")
    private boolean skip;

    /** Registry of the Python agent runtime image. Default {@code ghcr.io}. */
    @Parameter(property = "kagent.imageRegistry")
    private String imageRegistry;

    /** Repository of the Python agent runtime image. Default {@code kagent-dev/kagent/app}. */
    @Parameter(property = "kagent.imageRepository")
    private String imageRepository;

    /**
     * Tag of the agent runtime images. Defaults to the kagent release the translator mirrors,
     * currently {@code 0.10.0-rc1}; also the default of {@code goImageTag} and
     * {@code skillsInitImageTag}.
     */
    @Parameter(property = "kagent.imageTag")
    private String imageTag;

    /** Pull policy of the Python agent runtime image. Default {@code IfNotPresent}. */
    @Parameter(property = "kagent.imagePullPolicy")
    private String imagePullPolicy;

    /**
     * Name of an image pull Secret added to Declarative agents' {@code imagePullSecrets}
     * (the controller's {@code --image-pull-secret}). Empty (the default) adds none.
     */
    @Parameter(property = "kagent.imagePullSecret")
    private String imagePullSecret;

    /** Registry of the Go agent runtime image. Default {@code ghcr.io}. */
    @Parameter(property = "kagent.goImageRegistry")
    private String goImageRegistry;

    /** Repository of the Go agent runtime image. Default {@code kagent-dev/kagent/golang-adk}. */
    @Parameter(property = "kagent.goImageRepository")
    private String goImageRepository;

    /** Tag of the Go agent runtime image. Defaults to {@code imageTag}. */
    @Parameter(property = "kagent.goImageTag")
    private String goImageTag;

    /** Pull policy of the Go agent runtime image. Default {@code IfNotPresent}. */
    @Parameter(property = "kagent.goImagePullPolicy")
    private String goImagePullPolicy;

    /** Registry of the skills-init image. Default {@code ghcr.io}. */
    @Parameter(property = "kagent.skillsInitImageRegistry")
    private String skillsInitImageRegistry;

    /** Repository of the skills-init image. Default {@code kagent-dev/kagent/skills-init}. */
    @Parameter(property = "kagent.skillsInitImageRepository")
    private String skillsInitImageRepository;

    /** Tag of the skills-init image. Defaults to {@code imageTag}. */
    @Parameter(property = "kagent.skillsInitImageTag")
    private String skillsInitImageTag;

    /**
     * Labels added to every agent pod (the controller's {@code --default-agent-pod-labels}).
     * Configure in the POM as {@code <defaultAgentPodLabels><key>value</key></defaultAgentPodLabels>};
     * like the other map parameters it has no user property, because Maven cannot turn a
     * command-line string into a map.
     */
    @Parameter
    private Map<String, String> defaultAgentPodLabels;

    /**
     * Node selector for agent pods that set none themselves (the controller's
     * {@code --default-agent-node-selector}). Configure in the POM like {@code defaultAgentPodLabels}.
     */
    @Parameter
    private Map<String, String> defaultAgentNodeSelector;

    /** Address agents bind to. Default {@code 0.0.0.0}. */
    @Parameter(property = "kagent.defaultAgentBindHost")
    private String defaultAgentBindHost;

    /** Controller name (the controller's {@code KAGENT_CONTROLLER_NAME}). Default {@code kagent-controller}. */
    @Parameter(property = "kagent.controllerName")
    private String controllerName;

    /** Namespace kagent is installed in (the controller's {@code KAGENT_NAMESPACE}). Default {@code kagent}. */
    @Parameter(property = "kagent.controllerNamespace")
    private String controllerNamespace;

    /**
     * kagent UI URL (the controller's {@code KAGENT_UI_URL}). Empty (the default) adds no
     * {@code KAGENT_UI_URL} variable to agent pods.
     */
    @Parameter(property = "kagent.uiUrl")
    private String uiUrl;

    /**
     * {@code OTEL_*} environment variables the controller would pass on to agent pods; keys that do
     * not start with {@code OTEL_} are ignored. Configure in the POM like {@code defaultAgentPodLabels}.
     */
    @Parameter
    private Map<String, String> otelEnv;

    /** Use plain HTTP for MCP egress (the controller's {@code --mcp-egress-plaintext}). */
    @Parameter(property = "kagent.mcpEgressPlaintext", defaultValue = "false")
    private boolean mcpEgressPlaintext;

    /**
     * Add kagent-style owner references to the generated objects. Needs {@code metadata.uid} on
     * the Agent, which only exists once it has been applied to a cluster.
     */
    @Parameter(property = "kagent.emitOwnerReferences", defaultValue = "false")
    private boolean emitOwnerReferences;

    /**
     * Fail instead of warn when an MCPServer's TLS client-certificate Secret is not among the
     * inputs.
     */
    @Parameter(property = "kagent.failOnMissingTlsSecret", defaultValue = "false")
    private boolean failOnMissingTlsSecret;

    /**
     * When the CA path ({@code tls_ca_cert_path}) is emitted for MCPServer client-certificate
     * Secrets: {@code auto} (the default), {@code always} or {@code never}.
     */
    @Parameter(property = "kagent.tlsClientSecretCa")
    private String tlsClientSecretCa;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("kagent:generate skipped");
            return;
        }
        Path base = basedir.toPath().toAbsolutePath().normalize();
        Path in = ProjectPaths.resolve(base, inputDirectory);
        Path out = ProjectPaths.resolve(base, outputDirectory);
        Options options = buildOptions();

        List<Source> sources = readInputs(base, in, out);
        Result result = translate(sources, options);
        for (Diagnostic warning : result.warnings()) {
            getLog().warn(warning.toString());
        }
        if (result.hasErrors()) {
            throw new MojoFailureException(Messages.problems(result.errors()));
        }
        List<ManifestWriter.Planned> planned = ManifestWriter.plan(out, result.manifests());
        ManifestWriter.Stats stats;
        try {
            stats = ManifestWriter.write(planned, getLog());
        } catch (IOException e) {
            throw new MojoExecutionException("kagent: cannot write to " + ProjectPaths.display(base, out) + ": " + e, e);
        }
        getLog().info(Messages.summary(sources.size(), result.manifests().size(), stats, ProjectPaths.display(base, out)));
    }

    private List<Source> readInputs(Path base, Path in, Path out) throws MojoFailureException, MojoExecutionException {
        try {
            return InputFiles.read(base, in, out, getLog());
        } catch (InputFiles.MissingDirectoryException e) {
            throw new MojoFailureException(
                    "kagent: input directory " + ProjectPaths.display(base, in) + " does not exist or is not a directory"
                            + " (set inputDirectory / -Dkagent.inputDirectory, or -Dkagent.skip to skip)");
        } catch (IOException e) {
            throw new MojoExecutionException("kagent: cannot read inputs under " + ProjectPaths.display(base, in) + ": " + e, e);
        }
    }

    private static Result translate(List<Source> sources, Options options) throws MojoExecutionException {
        try {
            return Translator.translate(sources, options);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("kagent: internal error in the translator: " + e, e);
        }
    }

    /** Maps the parameters 1:1 onto {@link Options.Builder}; {@code null} keeps the core default. */
    Options buildOptions() throws MojoFailureException {
        return Options.builder()
                .agents(agents)
                .defaultModelConfig(defaultModelConfig)
                .proxyUrl(proxyUrl)
                .defaultServiceAccountName(defaultServiceAccountName)
                .imageRegistry(imageRegistry)
                .imageRepository(imageRepository)
                .imageTag(imageTag)
                .imagePullPolicy(imagePullPolicy)
                .imagePullSecret(imagePullSecret)
                .goImageRegistry(goImageRegistry)
                .goImageRepository(goImageRepository)
                .goImageTag(goImageTag)
                .goImagePullPolicy(goImagePullPolicy)
                .skillsInitImageRegistry(skillsInitImageRegistry)
                .skillsInitImageRepository(skillsInitImageRepository)
                .skillsInitImageTag(skillsInitImageTag)
                .defaultAgentPodLabels(defaultAgentPodLabels)
                .defaultAgentNodeSelector(defaultAgentNodeSelector)
                .defaultAgentBindHost(defaultAgentBindHost)
                .controllerName(controllerName)
                .controllerNamespace(controllerNamespace)
                .uiUrl(uiUrl)
                .otelEnv(otelEnv)
                .mcpEgressPlaintext(mcpEgressPlaintext)
                .emitOwnerReferences(emitOwnerReferences)
                .failOnMissingTlsSecret(failOnMissingTlsSecret)
                .tlsClientSecretCa(parseTlsClientSecretCa(tlsClientSecretCa))
                .build();
    }

    static Options.TlsClientSecretCa parseTlsClientSecretCa(String value) throws MojoFailureException {
        if (value == null || value.isBlank()) {
            return null;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "auto":
                return Options.TlsClientSecretCa.AUTO;
            case "always":
                return Options.TlsClientSecretCa.ALWAYS;
            case "never":
                return Options.TlsClientSecretCa.NEVER;
            default:
                throw new MojoFailureException("kagent: tlsClientSecretCa must be one of auto, always, never; got '"
                        + value + "'");
        }
    }
}
