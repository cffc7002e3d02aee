package io.cedarwood.engine.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.cedarwood.engine.ast.EntityReference;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.ast.ScopeConstraint;
import io.cedarwood.engine.ast.SlotId;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.value.EntityUid;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The policy-set JSON format ({@code cedar-policy-core/src/est/policy_set.rs}):
 * {@code {"staticPolicies": {id: policy}, "templates": {id: policy}, "templateLinks": [link]}}, all three
 * required as in the reference, where a link is {@code {"templateId", "newId", "values": {"?principal": uid}}}.
 */
final class PolicySetJson {
    private PolicySetJson() {
    }

    static PolicySet read(Node root) {
        Shapes.Fields f = Shapes.Fields.strict(Shapes.object(root, Path.ROOT), Path.ROOT,
                "staticPolicies", "templates", "templateLinks");
        Node.Obj statics = Shapes.object(f.required("staticPolicies"), f.path("staticPolicies"));
        Node.Obj templates = Shapes.object(f.required("templates"), f.path("templates"));
        Node.Arr links = Shapes.array(f.required("templateLinks"), f.path("templateLinks"));

        PolicySet set = PolicySet.EMPTY;
        for (Node.Member m : statics.members().values()) {
            Path path = f.path("staticPolicies").key(m.key().value());
            Policy policy = PolicyJson.readPolicy(PolicyId.of(m.key().value()), m.value(), path);
            if (policy.isTemplate()) {
                throw Shapes.error(m.value(), path, "expected a static policy, found a template with the slot `"
                        + policy.slots().iterator().next().cedarName() + "`; templates belong in `templates`");
            }
            set = add(set, policy, m.key(), path);
        }
        for (Node.Member m : templates.members().values()) {
            Path path = f.path("templates").key(m.key().value());
            set = add(set, PolicyJson.readPolicy(PolicyId.of(m.key().value()), m.value(), path), m.key(), path);
        }
        for (int i = 0; i < links.elements().size(); i++) {
            set = link(set, links.elements().get(i), f.path("templateLinks").index(i));
        }
        return set;
    }

    private static PolicySet add(PolicySet set, Policy policy, Node at, Path path) {
        try {
            return set.add(policy);
        } catch (CedarException e) {
            throw Shapes.error(at, path, e.getMessage());
        }
    }

    private static PolicySet link(PolicySet set, Node n, Path path) {
        Shapes.Fields f = Shapes.Fields.strict(Shapes.object(n, path), path, "templateId", "newId", "values");
        PolicyId templateId = PolicyId.of(Shapes.string(f.required("templateId"), f.path("templateId")));
        PolicyId newId = PolicyId.of(Shapes.string(f.required("newId"), f.path("newId")));
        Node.Obj valuesObj = Shapes.object(f.required("values"), f.path("values"));
        Map<SlotId, EntityUid> values = new EnumMap<>(SlotId.class);
        for (Node.Member m : valuesObj.members().values()) {
            Path valuePath = f.path("values").key(m.key().value());
            SlotId slot = slot(m.key(), f.path("values"));
            values.put(slot, ValueReader.readEntityRef(m.value(), valuePath));
        }
        try {
            return set.link(templateId, newId, values);
        } catch (CedarException e) {
            throw Shapes.error(n, path, e.getMessage());
        }
    }

    private static SlotId slot(Node.Str key, Path path) {
        for (SlotId id : SlotId.values()) {
            if (id.cedarName().equals(key.value())) {
                return id;
            }
        }
        throw Shapes.error(key, path, "unknown slot `" + key.value() + "`, expected `?principal` or `?resource`");
    }

    static void write(JsonGenerator g, PolicySet set) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("staticPolicies");
        for (Policy p : set.policies()) {
            if (p.templateId().isEmpty()) {
                g.writeFieldName(p.id().value());
                PolicyJson.writePolicy(g, p);
            }
        }
        g.writeEndObject();
        g.writeObjectFieldStart("templates");
        for (Policy t : set.templates()) {
            g.writeFieldName(t.id().value());
            PolicyJson.writePolicy(g, t);
        }
        g.writeEndObject();
        g.writeArrayFieldStart("templateLinks");
        for (Policy p : set.policies()) {
            if (p.templateId().isPresent()) {
                writeLink(g, set, p);
            }
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** A linked policy as the link that made it: the values are what now stands where the slots were. */
    private static void writeLink(JsonGenerator g, PolicySet set, Policy linked) throws IOException {
        PolicyId templateId = linked.templateId().orElseThrow();
        Policy template = set.template(templateId);
        if (template == null) {
            throw new IllegalStateException("linked policy `" + linked.id() + "` has no template `" + templateId + "`");
        }
        g.writeStartObject();
        g.writeStringField("templateId", templateId.value());
        g.writeStringField("newId", linked.id().value());
        g.writeObjectFieldStart("values");
        for (SlotId slot : template.slots()) {
            g.writeFieldName(slot.cedarName());
            ValueWriter.writeEntityRef(g, filled(slot == SlotId.PRINCIPAL ? linked.principal() : linked.resource()));
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static EntityUid filled(ScopeConstraint c) {
        if (c.reference().orElse(null) instanceof EntityReference.Uid u) {
            return u.uid();
        }
        throw new IllegalStateException("a linked policy's constraint has no entity where its template has a slot: " + c);
    }
}
