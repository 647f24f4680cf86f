package dev.kagentmaven.core.translate;

import dev.kagentmaven.core.model.Node;

/** Where an agent's deployment settings live: {@code spec.declarative.deployment} or {@code spec.byo.deployment}. */
final class DeploymentSpecs {
    private DeploymentSpecs() {
    }

    static Node of(Node agent) {
        Node spec = agent.obj("spec");
        if (spec.str("type").equals("BYO")) {
            return spec.obj("byo").obj("deployment");
        }
        return spec.obj("declarative").obj("deployment");
    }
}
