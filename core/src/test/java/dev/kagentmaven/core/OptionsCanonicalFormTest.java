package dev.kagentmaven.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link Options#canonicalForm()} is what the plugin's up-to-date check fingerprints, so every
 * setting must show in it: a setting missing there would let a changed configuration pass as
 * "nothing changed" and leave stale manifests behind.
 */
class OptionsCanonicalFormTest {

    /** Every public one-argument setter of the builder changes the text for some value of its type. */
    @Test
    void everySetterChangesTheCanonicalForm() throws Exception {
        String defaults = Options.builder().build().canonicalForm();
        List<String> setters = new ArrayList<>();
        for (Method m : Options.Builder.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers()) || m.getParameterCount() != 1
                    || m.getReturnType() != Options.Builder.class) {
                continue;
            }
            setters.add(m.getName());
            boolean changed = false;
            for (Object value : candidates(m.getParameterTypes()[0], m.getName())) {
                Options.Builder b = Options.builder();
                m.invoke(b, value);
                if (!b.build().canonicalForm().equals(defaults)) {
                    changed = true;
                }
            }
            assertTrue(changed, "setting " + m.getName() + " does not show in canonicalForm()");
        }
        // guards the reflection itself: the builder has its ~30 setters
        assertTrue(setters.size() >= 30, "found only " + setters);
    }

    private static List<Object> candidates(Class<?> type, String name) {
        if (type == String.class) {
            return List.of("x-" + name, "");
        }
        if (type == boolean.class) {
            return List.of(true, false);
        }
        if (type == Map.class) {
            return List.of(Map.of("k", "v"));
        }
        if (type == Iterable.class) {
            return List.of(List.of("ns/a"));
        }
        if (type == Options.TlsClientSecretCa.class) {
            return List.of((Object[]) Options.TlsClientSecretCa.values());
        }
        fail("no candidate values for a setter taking " + type);
        return List.of();
    }

    @Test
    void equalSettingsGiveEqualText() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("b", "2");
        labels.put("a", "1");
        Options one = Options.builder().imageTag("1.2.3").defaultAgentPodLabels(labels).build();
        Options two = Options.builder().defaultAgentPodLabels(Map.of("a", "1", "b", "2")).imageTag("1.2.3").build();
        assertEquals(one.canonicalForm(), two.canonicalForm());
        assertEquals("imageTag=1.2.3", one.canonicalForm().lines().filter(l -> l.startsWith("imageTag=")).findFirst().orElseThrow());
        assertTrue(one.canonicalForm().contains("\ndefaultAgentPodLabels=2 a:1 b:2\n"), one.canonicalForm());
    }

    /** A value cannot imitate another setting or another map entry. */
    @Test
    void valuesCannotForgeOtherSettings() {
        Options forged = Options.builder().uiUrl("x\nimageTag=evil").build();
        assertEquals(1, forged.canonicalForm().lines().filter(l -> l.startsWith("imageTag=")).count());
        Options a = Options.builder().otelEnv(Map.of("k:x", "v")).build();
        Options b = Options.builder().otelEnv(Map.of("k", "x:v")).build();
        assertNotEquals(a.canonicalForm(), b.canonicalForm());
        Options c = Options.builder().otelEnv(Map.of("a", "1 b:2")).build();
        Options d = Options.builder().otelEnv(Map.of("a", "1", "b", "2")).build();
        assertNotEquals(c.canonicalForm(), d.canonicalForm());
        Options e = Options.builder().agents(List.of("ns/a b")).build();
        Options f = Options.builder().agents(List.of("ns/a", "b")).build();
        assertNotEquals(e.canonicalForm(), f.canonicalForm());
    }
}
