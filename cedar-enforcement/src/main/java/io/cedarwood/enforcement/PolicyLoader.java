package io.cedarwood.enforcement;

import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.schema.Schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads policies and a schema from {@link PolicyLocations}, parses them ({@link PolicyFiles}) and, when so
 * configured, validates the policies against the schema. Immutable and thread-safe.
 */
public final class PolicyLoader {
    private final PolicyLocations locations;
    private final PolicyValidator validator;
    private final Boolean validate;

    private PolicyLoader(PolicyLocations locations, PolicyValidator validator, Boolean validate) {
        this.locations = Objects.requireNonNull(locations, "locations");
        this.validator = validator == null ? PolicyValidator.strict() : validator;
        this.validate = validate;
    }

    /** Validates against the schema, when there is one, in strict mode. */
    public static PolicyLoader of(PolicyLocations locations) {
        return new PolicyLoader(locations, null, null);
    }

    /**
     * @param validator how to validate; {@code null} for strict mode
     * @param validate whether to validate; {@code null} for "when there is a schema". {@code true} without a
     *        schema is an error when loading.
     */
    public static PolicyLoader of(PolicyLocations locations, PolicyValidator validator, Boolean validate) {
        return new PolicyLoader(locations, validator, validate);
    }

    /**
     * Reads, parses and (when so configured) validates.
     *
     * @throws PolicyLoadException saying which file and why
     */
    public PolicyBundle load() {
        return parse(read());
    }

    /**
     * The files' text and its digest, to tell whether anything changed since a previous read.
     *
     * @throws PolicyLoadException when a file is missing or cannot be read
     */
    public Snapshot read() {
        List<PolicySource> policies = List.copyOf(locations.policies());
        if (policies.isEmpty()) {
            throw new PolicyLoadException("no policy file found");
        }
        PolicySource schema = locations.schema().orElse(null);
        return new Snapshot(policies, schema, digest(policies, schema));
    }

    /**
     * Parses and validates what {@link #read} read.
     *
     * @throws PolicyLoadException saying which file and why
     */
    public PolicyBundle parse(Snapshot snapshot) {
        Schema schema = snapshot.schema() == null ? null : PolicyFiles.schema(snapshot.schema());
        PolicySet set = PolicyFiles.policies(snapshot.policies());
        boolean validating = validate == null ? schema != null : validate;
        if (validating) {
            if (schema == null) {
                throw new PolicyLoadException("policies can be validated only against a schema: give a schema location");
            }
            List<String> problems = validator.validate(set, schema);
            if (!problems.isEmpty()) {
                throw new PolicyLoadException("policies do not validate against the schema `" + snapshot.schema().name()
                        + "`:\n  " + String.join("\n  ", problems));
            }
        }
        return PolicyBundle.of(set, schema, snapshot.digest());
    }

    private static String digest(List<PolicySource> policies, PolicySource schema) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (PolicySource s : policies) {
                update(md, s);
            }
            md.update((byte) 1);
            if (schema != null) {
                update(md, schema);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest md, PolicySource s) {
        byte[] name = s.name().getBytes(StandardCharsets.UTF_8);
        byte[] text = s.text().getBytes(StandardCharsets.UTF_8);
        // lengths first, so that no two different lists of files hash alike
        md.update(java.nio.ByteBuffer.allocate(8).putInt(name.length).putInt(text.length).array());
        md.update(name);
        md.update(text);
    }

    /**
     * Files as read at one moment.
     *
     * @param policies the policy files, in order
     * @param schema the schema file, {@code null} for none
     * @param digest SHA-256 over names and text
     */
    public record Snapshot(List<PolicySource> policies, PolicySource schema, String digest) {
        public Snapshot {
            policies = List.copyOf(policies);
            Objects.requireNonNull(digest, "digest");
        }

        public Optional<PolicySource> schemaSource() {
            return Optional.ofNullable(schema);
        }
    }
}
