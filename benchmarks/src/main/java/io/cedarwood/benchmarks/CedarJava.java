package io.cedarwood.benchmarks;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.AuthorizationSuccessResponse;
import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.model.exception.AuthException;
import com.cedarpolicy.model.exception.InternalException;
import com.cedarpolicy.model.policy.PolicySet;
import com.cedarpolicy.value.CedarList;
import com.cedarpolicy.value.CedarMap;
import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.PrimBool;
import com.cedarpolicy.value.PrimLong;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The model in cedar-java's types (com.cedarpolicy:cedar-java 4.10.0, the Rust reference over JNI), used
 * through its public API as an application would: a policy set parsed once and cached on the native side,
 * entities and request passed on each call.
 */
final class CedarJava {
    static final BasicAuthorizationEngine ENGINE = new BasicAuthorizationEngine();

    private CedarJava() {
    }

    static EntityUID uid(Model.Uid u) {
        return new EntityUID(EntityTypeName.parse(u.type()).orElseThrow(), u.id());
    }

    static Set<Entity> entities(List<Model.Ent> ents) {
        Set<Entity> out = new LinkedHashSet<>();
        for (Model.Ent e : ents) {
            Map<String, Value> attrs = new HashMap<>();
            e.attrs().forEach((k, v) -> attrs.put(k, value(v)));
            Set<EntityUID> parents = new LinkedHashSet<>();
            e.parents().forEach(p -> parents.add(uid(p)));
            out.add(new Entity(uid(e.uid()), attrs, parents));
        }
        return out;
    }

    static AuthorizationRequest request(Model.Req r) {
        Map<String, Value> context = new HashMap<>();
        r.context().forEach((k, v) -> context.put(k, value(v)));
        return new AuthorizationRequest(uid(r.principal()), uid(r.action()), uid(r.resource()), context);
    }

    /** Parses Cedar text and caches the set on the native side, so that a call does not parse it again. */
    static PolicySet policies(String text) {
        try {
            PolicySet set = PolicySet.parsePolicies(text);
            set.cache();
            return set;
        } catch (InternalException | com.cedarpolicy.model.exception.CacheException e) {
            throw new IllegalStateException(e);
        }
    }

    static AuthorizationResponse authorize(AuthorizationRequest request, PolicySet policies, Set<Entity> entities) {
        try {
            return ENGINE.isAuthorized(request, policies, entities);
        } catch (AuthException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Value value(Object v) {
        if (v instanceof Long l) {
            return new PrimLong(l);
        } else if (v instanceof String s) {
            return new PrimString(s);
        } else if (v instanceof Boolean b) {
            return new PrimBool(b);
        } else if (v instanceof Model.Uid u) {
            return uid(u);
        } else if (v instanceof Model.Ext x) {
            return switch (x.fn()) {
                case "ip" -> new com.cedarpolicy.value.IpAddress(x.arg());
                case "decimal" -> new com.cedarpolicy.value.Decimal(x.arg());
                case "datetime" -> new com.cedarpolicy.value.DateTime(x.arg());
                case "duration" -> new com.cedarpolicy.value.Duration(x.arg());
                default -> throw new IllegalArgumentException("not an extension constructor: " + x.fn());
            };
        } else if (v instanceof List<?> list) {
            List<Value> elements = new ArrayList<>();
            list.forEach(x -> elements.add(value(x)));
            return new CedarList(elements);
        } else if (v instanceof Map<?, ?> map) {
            Map<String, Value> attrs = new HashMap<>();
            ((Map<String, Object>) map).forEach((k, x) -> attrs.put(k, value(x)));
            return new CedarMap(attrs);
        }
        throw new IllegalArgumentException("not a model value: " + v);
    }

    static String summary(AuthorizationResponse r) {
        AuthorizationSuccessResponse s = r.success.orElseThrow(() -> new IllegalStateException("cedar-java failed: " + r));
        Set<String> reason = new TreeSet<>(s.getReason());
        Set<String> errors = new TreeSet<>();
        s.getErrors().forEach(e -> errors.add(e.getPolicyId()));
        return (s.isAllowed() ? "allow" : "deny") + " reason=" + reason + " errors=" + errors;
    }
}
