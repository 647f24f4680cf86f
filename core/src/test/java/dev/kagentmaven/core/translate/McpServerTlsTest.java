package dev.kagentmaven.core.translate;

import static dev.kagentmaven.core.translate.McpServerTlsFixtures.DEFAULTS;
import static dev.kagentmaven.core.translate.McpServerTlsFixtures.PROXY;
import static dev.kagentmaven.core.translate.McpServerTlsFixtures.assertHttpTools;
import static dev.kagentmaven.core.translate.McpServerTlsFixtures.error;
import static dev.kagentmaven.core.translate.McpServerTlsFixtures.ok;
import static dev.kagentmaven.core.translate.McpServerTlsFixtures.warning;
import static dev.kagentmaven.core.translate.McpServerTlsFixtures.warningCodes;
import static dev.kagentmaven.core.translate.McpServerTlsFixtures.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kagentmaven.core.Diagnostic;
import dev.kagentmaven.core.Options;
import dev.kagentmaven.core.Options.TlsClientSecretCa;
import dev.kagentmaven.core.translate.McpServerTlsFixtures.Rendered;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden scenarios T1–T15 of mcpserver.md §8 and the §7 rules they pin. Every expected value is written
 * by hand from the spec (§7.2 URL, §7.3 volumes, §7.4 keys, §7.6 Secret policy, §7.7 errors/warnings).
 */
class McpServerTlsTest {
    /** T1: exactly the §7.4 example. */
    private static final String T1_ENTRY = "{\"params\":{\"url\":\"https://test-mcp.test:8443/mcp\",\"headers\":{},"
            + "\"timeout\":30,\"tls_insecure_skip_verify\":false,"
            + "\"tls_ca_cert_path\":\"/etc/ssl/client/mcp-client-tls/ca.crt\","
            + "\"tls_client_cert_path\":\"/etc/ssl/client/mcp-client-tls/tls.crt\","
            + "\"tls_client_key_path\":\"/etc/ssl/client/mcp-client-tls/tls.key\"},\"tools\":[\"echo\"]}";
    /** T1 without {@code tls_ca_cert_path} (T6, tlsClientSecretCa=never). */
    private static final String T1_ENTRY_NO_CA = "{\"params\":{\"url\":\"https://test-mcp.test:8443/mcp\",\"headers\":{},"
            + "\"timeout\":30,\"tls_insecure_skip_verify\":false,"
            + "\"tls_client_cert_path\":\"/etc/ssl/client/mcp-client-tls/tls.crt\","
            + "\"tls_client_key_path\":\"/etc/ssl/client/mcp-client-tls/tls.key\"},\"tools\":[\"echo\"]}";
    private static final String CONFIG_VOLUME = "{name: config, secret: {secretName: agent-mtls}}";
    private static final String TOKEN_VOLUME = "{name: kagent-token, projected: {sources: [{serviceAccountToken:"
            + " {audience: kagent, expirationSeconds: 3600, path: kagent-token}}]}}";
    private static final String CONFIG_MOUNT = "{name: config, mountPath: /config}";
    private static final String TOKEN_MOUNT = "{name: kagent-token, mountPath: /var/run/secrets/tokens}";
    private static final String T1_VOLUMES = "[" + CONFIG_VOLUME + ", {name: tls-client-mcp-client-tls, secret:"
            + " {secretName: mcp-client-tls, defaultMode: 292}}, " + TOKEN_VOLUME + "]";
    private static final String T1_MOUNTS = "[" + CONFIG_MOUNT + ", {name: tls-client-mcp-client-tls, mountPath:"
            + " /etc/ssl/client/mcp-client-tls, readOnly: true}, " + TOKEN_MOUNT + "]";
    private static final String W6_TEXT = "MCPServer test/test-mcp: no volumes; the server certificate must come"
            + " from the image";

    @Test
    void t1MtlsBasic() {
        Rendered r = ok("mcpserver_mtls_basic");
        assertHttpTools(r, T1_ENTRY);
        assertEquals(yaml(T1_VOLUMES), r.volumes());
        assertEquals(yaml(T1_MOUNTS), r.mounts());
        assertEquals(List.of("W6"), warningCodes(r.result()));
        warning(r.result(), "W6", W6_TEXT);
    }

    @Test
    void t2SeedExample() {
        Rendered r = ok("mcpserver_mtls_seed_example");
        assertHttpTools(r, "{\"params\":{\"url\":\"https://test-mcp.test:8443/\",\"headers\":{},\"timeout\":30,"
                + "\"tls_insecure_skip_verify\":false,"
                + "\"tls_client_cert_path\":\"/etc/ssl/client/test-tls-client/tls.crt\","
                + "\"tls_client_key_path\":\"/etc/ssl/client/test-tls-client/tls.key\"},\"tools\":[\"echo\"]}");
        assertFalse(r.config().contains("tls_ca_cert_path"));
        assertEquals(yaml("[" + CONFIG_VOLUME + ", {name: tls-client-test-tls-client, secret: {secretName:"
                + " test-tls-client, defaultMode: 292}}, " + TOKEN_VOLUME + "]"), r.volumes());
        assertEquals(yaml("[" + CONFIG_MOUNT + ", {name: tls-client-test-tls-client, mountPath:"
                + " /etc/ssl/client/test-tls-client, readOnly: true}, " + TOKEN_MOUNT + "]"), r.mounts());
        // §7.3: the MCPServer's own deployment.volumes/volumeMounts never reach the agent
        assertFalse(r.yaml().contains("tls-certs"), "server volume leaked into the agent");
        assertFalse(r.yaml().contains("test-tls-server"), "server Secret leaked into the agent");
        assertFalse(r.yaml().contains("/etc/tls"), "server mount leaked into the agent");
        assertEquals(List.of(), warningCodes(r.result()), "targetPort = port, volumes present, Secret known");
    }

    @Test
    void t3PathNormalisation() {
        Rendered r = ok("mcpserver_tls_path_normalisation");
        assertHttpTools(r,
                "{\"params\":{\"url\":\"https://a.test:9000/mcp/v1\",\"headers\":{},\"timeout\":30,"
                        + "\"tls_insecure_skip_verify\":true},\"tools\":[\"search\"]}",
                "{\"params\":{\"url\":\"https://b.test:9001/mcp\",\"headers\":{},\"timeout\":30,"
                        + "\"tls_insecure_skip_verify\":true},\"tools\":[\"fetch\"]}");
        assertEquals(List.of("config", "kagent-token"), r.volumeNames());
        assertEquals(yaml("[" + CONFIG_MOUNT + ", " + TOKEN_MOUNT + "]"), r.mounts());
        assertEquals(List.of("W3", "W3", "W6", "W6"), warningCodes(r.result()));
        List<Diagnostic> w3 = r.result().warnings().stream().filter(w -> w.code().equals("W3")).toList();
        assertEquals("certificate verification disabled for MCPServer test/a (development only)", w3.get(0).message());
        assertEquals("certificate verification disabled for MCPServer test/b (development only)", w3.get(1).message());
    }

    @Test
    void t4InsecureWithCa() {
        Rendered r = ok("mcpserver_mtls_insecure_with_ca");
        assertHttpTools(r, T1_ENTRY.replace("\"tls_insecure_skip_verify\":false", "\"tls_insecure_skip_verify\":true"));
        assertTrue(r.config().contains("\"tls_insecure_skip_verify\":true,\"tls_ca_cert_path\":"));
        assertEquals(yaml(T1_VOLUMES), r.volumes());
        assertEquals(yaml(T1_MOUNTS), r.mounts());
        assertEquals(List.of("W3", "W6"), warningCodes(r.result()));
        warning(r.result(), "W3", "certificate verification disabled for MCPServer test/test-mcp (development only)",
                "ca.crt is ignored");
    }

    @Test
    void t5EmptyTlsBlock() {
        Rendered r = ok("mcpserver_tls_empty_block");
        assertHttpTools(r, "{\"params\":{\"url\":\"https://srv.test:8443/mcp\",\"headers\":{},\"timeout\":30}}");
        assertFalse(r.config().contains("tls_"), "tls: {} emits no tls_* key");
        assertEquals(List.of("config", "kagent-token"), r.volumeNames());
        assertEquals(List.of("W2", "W6"), warningCodes(r.result()));
        warning(r.result(), "W2", "MCPServer test/srv: TLS without client certificate or CA; the server certificate"
                + " for srv.test must be trusted by the agent image's system CAs");
    }

    @Test
    void t6SecretNotInInputs() {
        Rendered r = ok("mcpserver_mtls_secret_not_in_inputs");
        assertHttpTools(r, T1_ENTRY_NO_CA);
        assertEquals(yaml(T1_VOLUMES), r.volumes());
        assertEquals(yaml(T1_MOUNTS), r.mounts());
        assertEquals(List.of("W1", "W6"), warningCodes(r.result()));
        warning(r.result(), "W1", "Secret test/mcp-client-tls for MCPServer test/test-mcp is not among the inputs;"
                + " assuming it holds tls.crt and tls.key; ca.crt is not used (server verified against system CAs)");
    }

    @Test
    void t7HashedVolumeNames() {
        Rendered r = ok("mcpserver_mtls_hashed_volume_names");
        assertHttpTools(r,
                "{\"params\":{\"url\":\"https://m1.test:8443/mcp\",\"headers\":{},\"timeout\":30,"
                        + "\"tls_insecure_skip_verify\":false,\"tls_client_cert_path\":\"/etc/ssl/client/e168ca56/tls.crt\","
                        + "\"tls_client_key_path\":\"/etc/ssl/client/e168ca56/tls.key\"},\"tools\":[\"issues\"]}",
                "{\"params\":{\"url\":\"https://m2.test:8444/mcp\",\"headers\":{},\"timeout\":30,"
                        + "\"tls_insecure_skip_verify\":false,\"tls_client_cert_path\":\"/etc/ssl/client/2e0dadca/tls.crt\","
                        + "\"tls_client_key_path\":\"/etc/ssl/client/2e0dadca/tls.key\"},\"tools\":[\"lookup\"]}");
        assertEquals(yaml("[" + CONFIG_VOLUME + ","
                + " {name: tls-client-e168ca56, secret: {secretName: github-mcp-client.tls, defaultMode: 292}},"
                + " {name: tls-client-2e0dadca, secret: {secretName:"
                + " a-very-long-client-certificate-secret-name-for-mcp-server-x, defaultMode: 292}}, "
                + TOKEN_VOLUME + "]"), r.volumes());
        assertEquals(yaml("[" + CONFIG_MOUNT + ","
                + " {name: tls-client-e168ca56, mountPath: /etc/ssl/client/e168ca56, readOnly: true},"
                + " {name: tls-client-2e0dadca, mountPath: /etc/ssl/client/2e0dadca, readOnly: true}, "
                + TOKEN_MOUNT + "]"), r.mounts());
    }

    @Test
    void t8SharedSecretAndRmsCa() {
        Rendered r = ok("mcpserver_mtls_shared_secret_and_rms_ca");
        String client = "\"tls_insecure_skip_verify\":false,"
                + "\"tls_client_cert_path\":\"/etc/ssl/client/shared-client-cert/tls.crt\","
                + "\"tls_client_key_path\":\"/etc/ssl/client/shared-client-cert/tls.key\"}}";
        assertHttpTools(r,
                "{\"params\":{\"url\":\"https://a.test:8443/mcp\",\"headers\":{},\"timeout\":30," + client,
                "{\"params\":{\"url\":\"https://mcp.corp.example.com/mcp\",\"headers\":{},"
                        + "\"tls_insecure_skip_verify\":false,\"tls_ca_cert_path\":\"/etc/ssl/certs/custom/corp-ca/ca.crt\","
                        + "\"tls_disable_system_cas\":false}}",
                "{\"params\":{\"url\":\"https://b.test:8444/mcp\",\"headers\":{},\"timeout\":30," + client);
        assertEquals(yaml("[" + CONFIG_VOLUME + ","
                + " {name: tls-client-shared-client-cert, secret: {secretName: shared-client-cert, defaultMode: 292}},"
                + " {name: tls-ca-corp-ca, secret: {secretName: corp-ca, defaultMode: 292}}, " + TOKEN_VOLUME + "]"),
                r.volumes());
        assertEquals(yaml("[" + CONFIG_MOUNT + ","
                + " {name: tls-client-shared-client-cert, mountPath: /etc/ssl/client/shared-client-cert, readOnly: true},"
                + " {name: tls-ca-corp-ca, mountPath: /etc/ssl/certs/custom/corp-ca, readOnly: true}, "
                + TOKEN_MOUNT + "]"), r.mounts());
    }

    @Test
    void t9HeadersAndProxy() {
        Rendered r = ok("mcpserver_mtls_headers_and_proxy", Options.builder().proxyUrl(PROXY).build());
        assertHttpTools(r,
                "{\"params\":{\"url\":\"https://secure-mcp.test:8443/mcp\",\"headers\":{\"X-Tenant\":\"acme\"},"
                        + "\"timeout\":30,\"tls_insecure_skip_verify\":false,"
                        + "\"tls_ca_cert_path\":\"/etc/ssl/client/mcp-client-tls/ca.crt\","
                        + "\"tls_client_cert_path\":\"/etc/ssl/client/mcp-client-tls/tls.crt\","
                        + "\"tls_client_key_path\":\"/etc/ssl/client/mcp-client-tls/tls.key\"},\"tools\":[\"echo\"]}",
                "{\"params\":{\"url\":\"http://proxy.kagent.svc.cluster.local:8080/mcp\","
                        + "\"headers\":{\"x-kagent-host\":\"plain-mcp.test\"},\"timeout\":30},\"tools\":[\"test-tool\"]}");
        assertFalse(r.config().contains("secure-mcp.test\"}"), "no x-kagent-host for the TLS MCPServer");
        assertEquals(List.of("W4", "W6"), warningCodes(r.result()));
        warning(r.result(), "W4", "MCPServer test/secure-mcp uses TLS; bypassing the global proxy " + PROXY);
    }

    @Test
    void t10TimeoutAndFilters() {
        Rendered r = ok("mcpserver_mtls_timeout_and_filters");
        assertHttpTools(r, "{\"params\":{\"url\":\"https://test-mcp.test:8443/mcp\",\"headers\":{},\"timeout\":45,"
                + "\"tls_insecure_skip_verify\":false,\"tls_ca_cert_path\":\"/etc/ssl/client/mcp-client-tls/ca.crt\","
                + "\"tls_client_cert_path\":\"/etc/ssl/client/mcp-client-tls/tls.crt\","
                + "\"tls_client_key_path\":\"/etc/ssl/client/mcp-client-tls/tls.key\"},"
                + "\"tools\":[\"a\",\"b\"],\"allowed_headers\":[\"x-user\"],\"require_approval\":[\"b\"]}");
    }

    @Test
    void t11SecretStringDataRendersLikeT1() {
        Rendered t11 = ok("mcpserver_mtls_secret_stringdata");
        assertHttpTools(t11, T1_ENTRY);
        assertEquals(ok("mcpserver_mtls_basic").yaml(), t11.yaml(), "same outputs as T1");
    }

    @Test
    void t12StdioError() {
        error("mcpserver_tls_stdio_error", "E1", "MCPServer test/stdio-mcp: spec.httpTransport.tls is only supported"
                + " with spec.transportType \"http\" (got \"stdio\")");
    }

    @Test
    void t13BlankSecretRefError() {
        error("mcpserver_tls_blank_secretref_error", "E2", "MCPServer test/test-mcp: spec.httpTransport.tls.secretRef"
                + " is empty; omit the field for TLS without a client certificate, or name a Secret that holds tls.crt"
                + " and tls.key");
    }

    @Test
    void t14SecretMissingKeyError() {
        error("mcpserver_tls_secret_missing_key_error", "E4", "Secret test/mcp-client-tls"
                + " (spec.httpTransport.tls.secretRef of MCPServer test/test-mcp) is missing required key(s): tls.key");
    }

    @Test
    void t15CrossNamespaceError() {
        error("mcpserver_tls_cross_namespace_error", "E5", "MCPServer tools/remote-mcp has"
                + " spec.httpTransport.tls.secretRef and cannot be used across namespaces (agent namespace test):"
                + " the client certificate Secret is mounted from the agent's namespace");
    }

    // ---- further §7.7 errors ----

    @Test
    void e1WithoutTransportType() {
        error("mcpserver_tls_no_transport_error", "E1", "spec.httpTransport.tls is only supported with"
                + " spec.transportType \"http\" (got \"\")");
    }

    @Test
    void e3InvalidSecretName() {
        error("mcpserver_tls_invalid_secret_name_error", "E3",
                "MCPServer test/test-mcp: spec.httpTransport.tls.secretRef \"MCP_Client_TLS\" is not a valid Secret name");
    }

    @Test
    void e4ListsMissingKeysInOrderAndTreatsEmptyAsMissing() {
        error("mcpserver_tls_secret_missing_both_keys_error", "E4", "is missing required key(s): tls.crt, tls.key");
    }

    @Test
    void e6PathWithQuery() {
        error("mcpserver_tls_bad_path_error", "E6",
                "MCPServer test/test-mcp: spec.httpTransport.path \"/mcp?tenant=acme\" must not contain whitespace,"
                        + " '?' or '#'");
    }

    @Test
    void e7CollisionWithAgentDeploymentVolume() {
        Diagnostic d = error("mcpserver_mtls_volume_collision_error", "E7", "volume name \"tls-client-mcp-client-tls\""
                + " for client certificate Secret \"mcp-client-tls\" of MCPServer test/test-mcp collides with an"
                + " existing volume");
        assertTrue(d.origin().path().startsWith("/spec/declarative/deployment/volumes"), d.origin().path());
    }

    @Test
    void e7CollisionBetweenVerbatimAndHashedIds() {
        // "e168ca56" is its own id; "github-mcp-client.tls" hashes to the same id (§7.3 vector)
        Diagnostic d = error("mcpserver_mtls_hash_collision_error", "E7", "volume name \"tls-client-e168ca56\" for"
                + " client certificate Secret \"github-mcp-client.tls\" of MCPServer test/m1 collides with an existing"
                + " volume");
        assertTrue(d.origin().path().startsWith("/spec/declarative/tools/1"), d.origin().path());
    }

    @Test
    void e8FailOnMissingTlsSecret() {
        error("mcpserver_mtls_secret_not_in_inputs", Options.builder().failOnMissingTlsSecret(true).build(), "E8",
                "Secret test/mcp-client-tls (spec.httpTransport.tls.secretRef of MCPServer test/test-mcp) was not"
                        + " found among the inputs");
    }

    @Test
    void failOnMissingTlsSecretAcceptsAPresentSecret() {
        Rendered r = ok("mcpserver_mtls_basic", Options.builder().failOnMissingTlsSecret(true).build());
        assertHttpTools(r, T1_ENTRY);
    }

    // ---- tlsClientSecretCa ----

    @Test
    void caAlwaysEmitsCaPathForSecretNotInInputs() {
        Rendered r = ok("mcpserver_mtls_secret_not_in_inputs", ca(TlsClientSecretCa.ALWAYS));
        assertHttpTools(r, T1_ENTRY);
        assertEquals(yaml(T1_VOLUMES), r.volumes());
        warning(r.result(), "W1", "Secret test/mcp-client-tls for MCPServer test/test-mcp is not among the inputs");
    }

    @Test
    void caAlwaysEmitsCaPathEvenForAKnownSecretWithoutCa() {
        // decision: "always" is literal (mcpserver.md §7.6 lists it as a policy, not as a fallback)
        Rendered r = ok("mcpserver_mtls_seed_example", ca(TlsClientSecretCa.ALWAYS));
        assertTrue(r.config().contains("\"tls_insecure_skip_verify\":false,"
                + "\"tls_ca_cert_path\":\"/etc/ssl/client/test-tls-client/ca.crt\","
                + "\"tls_client_cert_path\":\"/etc/ssl/client/test-tls-client/tls.crt\""), r.config());
    }

    @Test
    void caNeverOmitsCaPathAlthoughTheSecretHasIt() {
        Rendered r = ok("mcpserver_mtls_basic", ca(TlsClientSecretCa.NEVER));
        assertHttpTools(r, T1_ENTRY_NO_CA);
        assertEquals(yaml(T1_VOLUMES), r.volumes());
        Rendered missing = ok("mcpserver_mtls_secret_not_in_inputs", ca(TlsClientSecretCa.NEVER));
        assertHttpTools(missing, T1_ENTRY_NO_CA);
    }

    private static Options ca(TlsClientSecretCa policy) {
        return Options.builder().tlsClientSecretCa(policy).build();
    }

    // ---- warnings, positions, hash ----

    @Test
    void w5TargetPortMismatchAndNoW6WithVolumes() {
        Rendered r = ok("mcpserver_tls_target_port_mismatch");
        assertHttpTools(r, T1_ENTRY);
        assertEquals(List.of("W5"), warningCodes(r.result()));
        warning(r.result(), "W5", "targetPort 8080 is not used: the Service targets deployment.port 8443");
        assertFalse(r.yaml().contains("server-tls"), "server volume leaked into the agent");
    }

    @Test
    void volumePositionRule() {
        Rendered r = ok("mcpserver_mtls_volume_order");
        assertEquals(List.of("config", "scratch", "tls-ca-model-ca", "tls-client-first-client", "tls-ca-corp-ca",
                "tls-client-second-client", "kagent-skills", "skills-init-config", "kagent-token"), r.volumeNames());
        assertEquals(yaml("{name: tls-client-second-client, secret: {secretName: second-client, defaultMode: 292}}"),
                r.volumes().get(5));
        assertEquals(yaml("[" + CONFIG_MOUNT + ", {name: scratch, mountPath: /scratch},"
                + " {name: tls-ca-model-ca, mountPath: /etc/ssl/certs/custom/model-ca, readOnly: true},"
                + " {name: tls-client-first-client, mountPath: /etc/ssl/client/first-client, readOnly: true},"
                + " {name: tls-ca-corp-ca, mountPath: /etc/ssl/certs/custom/corp-ca, readOnly: true},"
                + " {name: tls-client-second-client, mountPath: /etc/ssl/client/second-client, readOnly: true},"
                + " {name: kagent-skills, mountPath: /skills, readOnly: true}, " + TOKEN_MOUNT + "]"), r.mounts());
    }

    @Test
    void configHashFollowsConfigJson() {
        Rendered t1 = ok("mcpserver_mtls_basic");
        Rendered t6 = ok("mcpserver_mtls_secret_not_in_inputs");
        assertNotEquals(t1.config(), t6.config());
        assertTrue(t1.configHash().matches("[0-9]+"), t1.configHash());
        assertNotEquals(t1.configHash(), t6.configHash());
    }

    // ---- regression guard: no TLS ⇒ kagent parity (§4.3) ----

    @Test
    void mcpServerWithoutTlsIsUnchanged() {
        Rendered r = ok("mcpserver_plain_regression", DEFAULTS);
        assertHttpTools(r,
                "{\"params\":{\"url\":\"http://test-mcp-server.test:8084/mcp\",\"headers\":{},\"timeout\":30},"
                        + "\"tools\":[\"test-tool\"]}",
                "{\"params\":{\"url\":\"http://custom-path-mcp.test:8085/mcp\",\"headers\":{},\"timeout\":30},"
                        + "\"tools\":[\"other-tool\"]}");
        assertEquals(List.of("config", "kagent-token"), r.volumeNames());
        assertEquals(List.of(), warningCodes(r.result()), "no TLS warnings without tls");
    }

    @Test
    void mcpServerWithoutTlsIsStillProxied() {
        Rendered r = ok("mcpserver_plain_regression", Options.builder().proxyUrl(PROXY).build());
        assertHttpTools(r,
                "{\"params\":{\"url\":\"http://proxy.kagent.svc.cluster.local:8080/mcp\","
                        + "\"headers\":{\"x-kagent-host\":\"test-mcp-server.test\"},\"timeout\":30},\"tools\":[\"test-tool\"]}",
                "{\"params\":{\"url\":\"http://proxy.kagent.svc.cluster.local:8080/mcp\","
                        + "\"headers\":{\"x-kagent-host\":\"custom-path-mcp.test\"},\"timeout\":30},\"tools\":[\"other-tool\"]}");
        assertEquals(List.of(), warningCodes(r.result()));
    }
}
