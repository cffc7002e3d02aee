package io.cedarwood.benchmarks;

import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.authz.Response;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.SetValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The model in our engine's types. */
final class Cedarwood {
    private Cedarwood() {
    }

    static EntityUid uid(Model.Uid u) {
        return EntityUid.of(u.type(), u.id());
    }

    static Entities entities(List<Model.Ent> ents) {
        List<Entity> out = new ArrayList<>(ents.size());
        for (Model.Ent e : ents) {
            Map<String, Value> attrs = new LinkedHashMap<>();
            e.attrs().forEach((k, v) -> attrs.put(k, value(v)));
            Set<EntityUid> parents = new LinkedHashSet<>();
            e.parents().forEach(p -> parents.add(uid(p)));
            out.add(new Entity(uid(e.uid()), attrs, parents));
        }
        return Entities.of(out);
    }

    static Request request(Model.Req r) {
        return new Request(uid(r.principal()), uid(r.action()), uid(r.resource()), record(r.context()));
    }

    @SuppressWarnings("unchecked")
    static Value value(Object v) {
        if (v instanceof Long l) {
            return LongValue.of(l);
        } else if (v instanceof String s) {
            return StringValue.of(s);
        } else if (v instanceof Boolean b) {
            return BoolValue.of(b);
        } else if (v instanceof Model.Uid u) {
            return uid(u);
        } else if (v instanceof Model.Ext x) {
            return io.cedarwood.engine.json.CedarJson.readValue(
                    "{\"__extn\": {\"fn\": \"" + x.fn() + "\", \"arg\": \"" + x.arg() + "\"}}");
        } else if (v instanceof List<?> list) {
            List<Value> elements = new ArrayList<>();
            list.forEach(x -> elements.add(value(x)));
            return SetValue.of(elements);
        } else if (v instanceof Map<?, ?> map) {
            return record((Map<String, Object>) map);
        }
        throw new IllegalArgumentException("not a model value: " + v);
    }

    static RecordValue record(Map<String, Object> map) {
        Map<String, Value> attrs = new LinkedHashMap<>();
        map.forEach((k, x) -> attrs.put(k, value(x)));
        return new RecordValue(attrs);
    }

    /** The answer as text both engines can be compared on: decision, determining and erroring policy ids. */
    static String summary(Response r) {
        Set<String> reason = new TreeSet<>();
        r.diagnostics().reason().forEach(id -> reason.add(id.value()));
        Set<String> errors = new TreeSet<>();
        r.diagnostics().errors().forEach(e -> errors.add(e.policyId().value()));
        return r.decision().toString().toLowerCase() + " reason=" + reason + " errors=" + errors;
    }
}
