package io.cedarwood.spring.security.todo;

import io.cedarwood.engine.Policy;
import io.cedarwood.engine.PolicySet;
import io.cedarwood.engine.Schema;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.spring.security.CedarPolicyValidator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the engine's validator behind the validation seam: every entity type a policy names in
 * an entity uid must be declared in the schema.
 */
public class TypeNameValidator implements CedarPolicyValidator {
    private static final Pattern UID_TYPE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)*)::\"");

    @Override
    public List<String> validate(PolicySet policies, Schema schema) {
        List<String> problems = new ArrayList<>();
        for (Policy p : policies.policies()) {
            Matcher m = UID_TYPE.matcher(p.toCedar());
            while (m.find()) {
                EntityType type = EntityType.of(m.group(1));
                if (!type.isAction() && !schema.entityTypes().containsKey(type)) {
                    problems.add("policy `" + p.id() + "`: unrecognized entity type `" + type + "`");
                }
            }
        }
        return problems;
    }
}
