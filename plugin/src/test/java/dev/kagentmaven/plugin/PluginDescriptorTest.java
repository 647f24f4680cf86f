package dev.kagentmaven.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The generated plugin descriptor and the shipped IDE metadata: goals, phases, thread safety, the
 * user properties of the GitOps parameters, the help goal and the m2e lifecycle mapping.
 */
class PluginDescriptorTest {

    private static Document parse(InputStream in) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(in);
    }

    private static Document descriptor() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("target/classes/META-INF/maven/plugin.xml"))) {
            return parse(in);
        }
    }

    private static String child(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) {
                return c.getTextContent().trim();
            }
        }
        return null;
    }

    private static Element childElement(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static Map<String, Element> mojos(Document d) {
        Map<String, Element> mojos = new LinkedHashMap<>();
        NodeList list = d.getElementsByTagName("mojo");
        for (int i = 0; i < list.getLength(); i++) {
            Element m = (Element) list.item(i);
            mojos.put(child(m, "goal"), m);
        }
        return mojos;
    }

    /** Parameter name to the expression in {@code <configuration>}, e.g. {@code ${kagent.skip}}. */
    private static Map<String, String> configuration(Element mojo) {
        Map<String, String> config = new LinkedHashMap<>();
        Element c = childElement(mojo, "configuration");
        for (Node n = c.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element p) {
                String value = p.getTextContent().trim();
                config.put(p.getTagName(), value.isEmpty() ? "default=" + p.getAttribute("default-value") : value
                        + (p.hasAttribute("default-value") ? " default=" + p.getAttribute("default-value") : ""));
            }
        }
        return config;
    }

    @Test
    void goalsPhasesAndThreadSafety() throws Exception {
        Document d = descriptor();
        assertEquals("kagent", d.getElementsByTagName("goalPrefix").item(0).getTextContent());
        assertEquals("3.6.3", d.getElementsByTagName("requiredMavenVersion").item(0).getTextContent());
        Map<String, Element> mojos = mojos(d);
        assertEquals(List.of("check", "generate", "help"), new ArrayList<>(mojos.keySet()).stream().sorted().toList());
        assertEquals("generate-resources", child(mojos.get("generate"), "phase"));
        assertEquals("verify", child(mojos.get("check"), "phase"));
        for (String goal : List.of("generate", "check", "help")) {
            assertEquals("true", child(mojos.get(goal), "threadSafe"), goal + " must be @threadSafe");
        }
        assertEquals("dev.kagentmaven.plugin.help.HelpMojo", child(mojos.get("help"), "implementation"));
    }

    @Test
    void gitOpsParametersAndTheirUserProperties() throws Exception {
        Map<String, Element> mojos = mojos(descriptor());
        Map<String, String> generate = configuration(mojos.get("generate"));
        Map<String, String> check = configuration(mojos.get("check"));
        for (Map<String, String> shared : List.of(generate, check)) {
            assertEquals("${kagent.skip} default=false", shared.get("skip"));
            assertEquals("${kagent.layout} default=per-agent", shared.get("layout"));
            assertEquals("${kagent.outputDirectory} default=${project.build.directory}/kagent", shared.get("outputDirectory"));
            assertEquals("${kagent.renderMcpServers} default=false", shared.get("renderMcpServers"));
            assertEquals("${kagent.transportAdapterVersion}", shared.get("transportAdapterVersion"));
            assertEquals("${kagent.kgatewayMcpAppProtocol} default=true", shared.get("kgatewayMcpAppProtocol"));
            assertEquals("${kagent.failOnValidationError} default=true", shared.get("failOnValidationError"));
        }
        assertEquals("${kagent.generate.skip} default=false", generate.get("skipGenerate"));
        assertEquals("${kagent.attach} default=false", generate.get("attach"));
        assertEquals("${kagent.addResources} default=false", generate.get("addResources"));
        assertEquals("${kagent.check.skip} default=false", check.get("skipCheck"));
        assertEquals("${kagent.check.failOnDrift} default=true", check.get("failOnDrift"));
        assertEquals("${kagent.check.maxDiffLines} default=60", check.get("maxDiffLines"));
    }

    @Test
    void m2eLifecycleMappingIsShipped() throws Exception {
        InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/m2e/lifecycle-mapping-metadata.xml");
        assertNotNull(in, "META-INF/m2e/lifecycle-mapping-metadata.xml missing");
        Document d;
        try (in) {
            d = parse(in);
        }
        Map<String, String> actions = new LinkedHashMap<>();
        NodeList executions = d.getElementsByTagName("pluginExecution");
        for (int i = 0; i < executions.getLength(); i++) {
            Element e = (Element) executions.item(i);
            Element action = (Element) childElement(e, "action");
            Element first = null;
            for (Node n = action.getFirstChild(); n != null && first == null; n = n.getNextSibling()) {
                if (n instanceof Element a) {
                    first = a;
                }
            }
            String what = first.getTagName();
            if (what.equals("execute")) {
                what += " runOnIncremental=" + child(first, "runOnIncremental");
            }
            NodeList goals = e.getElementsByTagName("goal");
            for (int g = 0; g < goals.getLength(); g++) {
                actions.put(goals.item(g).getTextContent().trim(), what);
            }
        }
        assertEquals(Map.of("generate", "execute runOnIncremental=true", "check", "ignore"), actions);
    }
}
