package io.cedarwood.engine.ast;

import io.cedarwood.engine.value.EntityUid;

import java.util.Objects;

/** What a principal or resource scope constraint refers to: an entity uid, or a template slot. */
public sealed interface EntityReference {

    /** A literal entity uid. */
    record Uid(EntityUid uid) implements EntityReference {
        public Uid {
            Objects.requireNonNull(uid, "uid");
        }
    }

    /** A template slot, filled in when the template is linked. */
    record Slot(SlotId slot) implements EntityReference {
        public Slot {
            Objects.requireNonNull(slot, "slot");
        }
    }
}
