package io.cedarwood.enforcement;

import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.schema.Schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Policy and schema text to engine objects, the same for every integration.
 *
 * <p>Policy ids: a policy's {@code @id("...")} annotation when it has one, otherwise {@code policy0},
 * {@code policy1}, ... counted across all files in the order given (for a single file, the ids the
 * {@code cedar} command line gives). Two policies with one {@code @id}, or an {@code @id} equal to a counted
 * id, are an error naming both files. The set is built by one {@link PolicySet#of} call, in source order.
 */
public final class PolicyFiles {
    private PolicyFiles() {
    }

    /**
     * The policies of every source, in order, as one policy set.
     *
     * @throws PolicyLoadException naming the file and the problem
     */
    public static PolicySet policies(List<PolicySource> sources) {
        List<Policy> all = new ArrayList<>();
        Map<PolicyId, String> seen = new HashMap<>();
        int counter = 0;
        for (PolicySource s : sources) {
            PolicySet parsed;
            try {
                parsed = PolicySet.parse(s.text());
            } catch (CedarException e) {
                throw new PolicyLoadException("invalid policies in `" + s.name() + "`:\n" + e.getMessage(), e);
            } catch (StackOverflowError e) {
                throw new PolicyLoadException("invalid policies in `" + s.name() + "`: nested too deeply", e);
            }
            for (Policy p : inSourceOrder(parsed)) {
                String annotated = p.annotations().get("id");
                // the parser numbers a file's policies and templates policy0, policy1, ... in source order
                PolicyId id = PolicyId.of(annotated != null ? annotated : "policy" + counter);
                counter++;
                String previous = seen.putIfAbsent(id, s.name());
                if (previous != null) {
                    throw new PolicyLoadException("two policies have the id `" + id.value() + "`: one in `" + previous
                            + "`, one in `" + s.name() + "`" + (annotated == null ? "" : " (give each its own `@id`)"));
                }
                all.add(annotated != null || !id.equals(p.id()) ? p.withId(id) : p);
            }
        }
        return PolicySet.of(all);
    }

    /** A file's static policies and templates, interleaved as they were written. */
    private static List<Policy> inSourceOrder(PolicySet parsed) {
        List<Policy> inFile = new ArrayList<>(parsed.policies());
        if (parsed.templates().isEmpty()) {
            return inFile;
        }
        inFile.addAll(parsed.templates());
        inFile.sort(Comparator.comparingInt(p -> Integer.parseInt(p.id().value().substring("policy".length()))));
        return inFile;
    }

    /**
     * A schema: the JSON schema format when the name ends in {@code .json}, the human format otherwise.
     *
     * @throws PolicyLoadException naming the file and the problem
     */
    public static Schema schema(PolicySource source) {
        try {
            return source.name().endsWith(".json") ? Schema.parseJson(source.text()) : Schema.parseCedarSchema(source.text());
        } catch (CedarException e) {
            throw new PolicyLoadException("invalid schema in `" + source.name() + "`:\n" + e.getMessage(), e);
        } catch (StackOverflowError e) {
            throw new PolicyLoadException("invalid schema in `" + source.name() + "`: nested too deeply", e);
        }
    }
}
