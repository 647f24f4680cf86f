package dev.kagentmaven.core.go;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Template data that behaves like a Go struct value rather than a map: {@code .Missing} is the execution error
 * {@code can't evaluate field Missing in type <typeName>} (instead of a map's {@code <no value>}), the value is always
 * true, and it prints as {@code {v1 v2 ...}} in field order. kagent executes its system-message template with the
 * struct {@code agent.PromptTemplateContext}, so use
 * {@code new GoTemplateStruct("agent.PromptTemplateContext", fields)} with the fields in declaration order
 * (AgentName, AgentNamespace, Description, ToolNames, SkillNames) to reproduce it exactly. Field values should not
 * be null (use "" or an empty list, as Go's zero values print the same).
 */
public final class GoTemplateStruct {
    private final String typeName;
    private final Map<String, Object> fields;

    /**
     * @param typeName the Go type name shown in messages, e.g. {@code agent.PromptTemplateContext}
     * @param fields   field name to value, iterated in declaration order (copied)
     */
    public GoTemplateStruct(String typeName, Map<String, ?> fields) {
        this.typeName = Objects.requireNonNull(typeName, "typeName");
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(fields, "fields")));
    }

    /** The Go type name. */
    public String typeName() {
        return typeName;
    }

    /** The fields in declaration order (unmodifiable). */
    public Map<String, Object> fields() {
        return fields;
    }

    boolean hasField(String name) {
        return fields.containsKey(name);
    }

    /** Whether Go's == is defined: no slice or map fields (recursively). */
    boolean comparable() {
        return fields.values().stream().map(GoTemplateValues::norm).allMatch(v -> !(v instanceof List<?>)
                && !(v instanceof Map<?, ?>) && (!(v instanceof GoTemplateStruct s) || s.comparable()));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GoTemplateStruct s) || !typeName.equals(s.typeName) || !fields.keySet().equals(s.fields.keySet())) {
            return false;
        }
        return fields.entrySet().stream().allMatch(
                e -> Objects.equals(GoTemplateValues.norm(e.getValue()), GoTemplateValues.norm(s.fields.get(e.getKey()))));
    }

    @Override
    public int hashCode() {
        return typeName.hashCode();
    }

    @Override
    public String toString() {
        return GoTemplatePrintf.sprint(List.of(this));
    }
}
