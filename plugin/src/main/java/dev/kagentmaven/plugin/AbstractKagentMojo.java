package dev.kagentmaven.plugin;

import dev.kagentmaven.core.Options;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Parameters and flow shared by {@code generate} and {@code check}: both map the same parameters
 * onto the same {@link Engine} and differ only in what happens to the rendered files. Skip flags
 * are evaluated first, before any file is read.
 */
abstract class AbstractKagentMojo extends AbstractMojo {

    /** Project context key under which {@code generate} records the output directories it wrote in this build. */
    static final String GENERATED_KEY = "dev.kagentmaven.generated:";

    /** The current project. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** Skips every kagent goal: nothing is read or written. */
    @Parameter(property = "kagent.skip", defaultValue = "false")
    private boolean skip;

    /** The project's base directory; relative paths are resolved against it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    protected File basedir;

    /**
     * Directory holding the input objects (Agent, ModelConfig, RemoteMCPServer, MCPServer, Secret,
     * ...). Every {@code *.yaml}, {@code *.yml} and {@code *.json} file below it is read, in
     * sorted path order; files may hold several YAML documents. Symbolic links that point outside
     * the directory are not followed. The directory must exist.
     */
    @Parameter(property = "kagent.inputDirectory", defaultValue = "${project.basedir}/src/main/kagent")
    private File inputDirectory;

    /**
     * Directory the manifests are written to ({@code generate}) or compared with ({@code check}).
     * Point it into the source tree (e.g. {@code ${project.basedir}/manifests}) to commit the output
     * for GitOps. Besides the manifests it holds {@code .kagent-index}, the list of files the plugin
     * wrote there and owns: commit it too. Files not listed in it are never touched.
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

    /**
     * How the manifests are laid out in {@code outputDirectory}: {@code per-agent} (the default) writes
     * one multi-document YAML file per Agent, {@code <namespace>/<name>.yaml} (and
     * {@code <namespace>/mcpserver-<name>.yaml} per MCPServer when {@code renderMcpServers} is on);
     * {@code combined} writes one file, {@code manifests.yaml}, with the documents of every manifest
     * (Agents sorted by namespace and name, then MCPServers).
     */
    @Parameter(property = "kagent.layout", defaultValue = "per-agent")
    private String layout;

    /**
     * Also render each kmcp {@code MCPServer} among the inputs into the workload kmcp would create
     * for it ({@code <namespace>/mcpserver-<name>.yaml}). Off by default: normally the kmcp
     * controller in the cluster does that.
     */
    @Parameter(property = "kagent.renderMcpServers", defaultValue = "false")
    private boolean renderMcpServers;

    /**
     * kmcp's transport adapter version (the kmcp controller's {@code TRANSPORT_ADAPTER_VERSION});
     * only used with {@code renderMcpServers}. Empty (the default) uses kmcp's default adapter image.
     */
    @Parameter(property = "kagent.transportAdapterVersion")
    private String transportAdapterVersion;

    /**
     * Set {@code appProtocol: kgateway.dev/mcp} on rendered MCPServer Services, as kmcp does unless
     * {@code DISABLE_KGATEWAY_MCP_APP_PROTOCOL} is set; only used with {@code renderMcpServers}.
     */
    @Parameter(property = "kagent.kgatewayMcpAppProtocol", defaultValue = "true")
    private boolean kgatewayMcpAppProtocol;

    /**
     * Fail the build when a rendered object violates the Kubernetes schema (the default); when
     * {@code false} such problems are logged as warnings and the files are still written.
     */
    @Parameter(property = "kagent.failOnValidationError", defaultValue = "true")
    private boolean failOnValidationError;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        String skippedBy = skip ? "kagent.skip" : goalSkipped() ? goalSkipProperty() : null;
        if (skippedBy != null) {
            getLog().info("kagent:" + goal() + " skipped (" + skippedBy + ")");
            return;
        }
        Path base = basedir.toPath().toAbsolutePath().normalize();
        Path in = ProjectPaths.resolve(base, inputDirectory);
        Path out = ProjectPaths.resolve(base, outputDirectory);
        Options options = buildOptions();
        Engine engine = new Engine(base, in, out, Layout.parse(layout), options, getLog());
        run(base, engine);
    }

    /** The goal name, for log lines. */
    abstract String goal();

    /** Whether the goal's own skip flag is set. */
    abstract boolean goalSkipped();

    /** The goal's own skip property, for the log line. */
    abstract String goalSkipProperty();

    /** What the goal does: read and render through the engine, then write or compare. */
    abstract void run(Path basedir, Engine engine) throws MojoExecutionException, MojoFailureException;

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
                .renderMcpServers(renderMcpServers)
                .transportAdapterVersion(transportAdapterVersion)
                .kgatewayMcpAppProtocol(kgatewayMcpAppProtocol)
                .failOnValidationError(failOnValidationError)
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
