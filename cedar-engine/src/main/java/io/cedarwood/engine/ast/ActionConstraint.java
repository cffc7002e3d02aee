package io.cedarwood.engine.ast;

import io.cedarwood.engine.value.EntityUid;

import java.util.List;
import java.util.Objects;

/** The action part of a policy's scope, as data. */
public sealed interface ActionConstraint {

    /** No constraint: {@code action}. */
    record Any() implements ActionConstraint {
    }

    /** {@code action == Action::"a"}. */
    record Eq(EntityUid uid) implements ActionConstraint {
        public Eq {
            Objects.requireNonNull(uid, "uid");
        }
    }

    /** {@code action in Action::"a"} (one uid) or {@code action in [Action::"a", ...]}. */
    record In(List<EntityUid> uids) implements ActionConstraint {
        public In {
            uids = List.copyOf(uids);
        }
    }
}
