package io.cedarwood.spring.security;

import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.value.CedarException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads policies and a schema from Spring resource locations: {@code classpath:cedar/policies.cedar},
 * {@code file:/etc/cedar/} (every {@code .cedar} file below a directory), or a pattern such as
 * {@code classpath*:cedar/**}{@code /*.cedar}. Files are read in the order given, a directory's or a
 * pattern's files sorted by path. A schema ending in {@code .json} is read in the JSON schema format,
 * any other in the human format.
 *
 * <p>Policy ids: a policy's {@code @id("...")} annotation when it has one, otherwise {@code policy0},
 * {@code policy1}, ... counted across all files in reading order (for a single file, the ids the
 * {@code cedar} command line gives).
 */
public final class CedarPolicyLoader {
    private static final Log log = LogFactory.getLog(CedarPolicyLoader.class);

    private final ResourcePatternResolver resolver;
    private final List<String> policyLocations;
    private final String schemaLocation;
    private final CedarPolicyValidator validator;
    private final boolean validate;

    private CedarPolicyLoader(Builder b) {
        this.resolver = b.resolver;
        this.policyLocations = List.copyOf(b.policyLocations);
        this.schemaLocation = b.schemaLocation;
        this.validator = b.validator == null ? CedarPolicyValidator.strict() : b.validator;
        this.validate = b.validate == null ? schemaLocation != null : b.validate;
        if (policyLocations.isEmpty()) {
            throw new CedarPolicyLoadException("no policy location given");
        }
        if (validate && schemaLocation == null) {
            throw new CedarPolicyLoadException("policies can be validated only against a schema: give a schema location");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether loaded policies are validated against the schema. */
    public boolean validates() {
        return validate;
    }

    /**
     * Reads, parses and (when so configured) validates the policies.
     *
     * @throws CedarPolicyLoadException saying which file and why
     */
    public CedarPolicies load() {
        return parse(read());
    }

    /** The raw text of every file, with a digest to tell whether anything changed since. */
    Sources read() {
        List<Source> policies = new ArrayList<>();
        for (String location : policyLocations) {
            List<Resource> found = resolve(location);
            if (found.isEmpty()) {
                throw new CedarPolicyLoadException("no policy file found at `" + location + "`");
            }
            for (Resource r : found) {
                policies.add(new Source(name(r), text(r)));
            }
        }
        Source schema = null;
        if (schemaLocation != null) {
            Resource r = resolver.getResource(schemaLocation);
            if (!r.exists()) {
                throw new CedarPolicyLoadException("no schema file found at `" + schemaLocation + "`");
            }
            schema = new Source(name(r), text(r));
        }
        return new Sources(policies, schema, digest(policies, schema));
    }

    CedarPolicies parse(Sources sources) {
        Schema schema = null;
        if (sources.schema() != null) {
            Source s = sources.schema();
            try {
                schema = s.name().endsWith(".json") ? Schema.parseJson(s.text()) : Schema.parseCedarSchema(s.text());
            } catch (CedarException e) {
                throw new CedarPolicyLoadException("invalid schema in `" + s.name() + "`:\n" + e.getMessage(), e);
            }
        }
        PolicySet set = PolicySet.EMPTY;
        int counter = 0;
        Set<PolicyId> annotated = new LinkedHashSet<>();
        for (Source s : sources.policies()) {
            PolicySet parsed;
            try {
                parsed = PolicySet.parse(s.text());
            } catch (CedarException e) {
                throw new CedarPolicyLoadException("invalid policies in `" + s.name() + "`:\n" + e.getMessage(), e);
            }
            List<Policy> inFile = new ArrayList<>(parsed.policies());
            inFile.addAll(parsed.templates());
            inFile.sort(Comparator.comparingInt(p -> number(p.id())));
            for (Policy p : inFile) {
                String id = p.annotations().get("id");
                PolicyId newId = PolicyId.of(id != null ? id : "policy" + (counter + number(p.id())));
                if (id != null && !annotated.add(newId)) {
                    throw new CedarPolicyLoadException("two policies have `@id(\"" + id + "\")`, the second in `"
                            + s.name() + "`");
                }
                try {
                    set = set.add(p.withId(newId));
                } catch (CedarException e) {
                    throw new CedarPolicyLoadException("in `" + s.name() + "`: " + e.getMessage(), e);
                }
            }
            counter += inFile.size();
        }
        if (validate) {
            validate(set, schema);
        }
        return schema == null ? CedarPolicies.of(set) : CedarPolicies.of(set, schema);
    }

    private void validate(PolicySet set, Schema schema) {
        List<String> problems = validator.validate(set, schema);
        if (!problems.isEmpty()) {
            throw new CedarPolicyLoadException("policies do not validate against the schema `" + schemaLocation
                    + "`:\n  " + String.join("\n  ", problems));
        }
    }

    /** The n of the id {@code policyN} the parser gave. */
    private static int number(PolicyId id) {
        return Integer.parseInt(id.value().substring("policy".length()));
    }

    private List<Resource> resolve(String location) {
        try {
            if (location.indexOf('*') >= 0 || location.indexOf('?') >= 0) {
                List<Resource> found = new ArrayList<>();
                for (Resource r : resolver.getResources(location)) {
                    if (r.exists() && r.isReadable()) {
                        found.add(r);
                    }
                }
                found.sort(Comparator.comparing(CedarPolicyLoader::name));
                return found;
            }
            Resource r = resolver.getResource(location);
            if (!r.exists()) {
                return List.of();
            }
            if (r.isFile() && r.getFile().isDirectory()) {
                return directory(r.getFile().toPath());
            }
            return List.of(r);
        } catch (IOException e) {
            throw new CedarPolicyLoadException("cannot read `" + location + "`: " + e.getMessage(), e);
        }
    }

    private List<Resource> directory(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".cedar") && Files.isRegularFile(p))
                    .sorted()
                    .map(p -> (Resource) new FileSystemResource(p))
                    .toList();
        }
    }

    private static String name(Resource r) {
        try {
            if (r.isFile()) {
                File f = r.getFile();
                return f.getPath();
            }
            return r.getURL().toString();
        } catch (IOException e) {
            return r.getDescription();
        }
    }

    private static String text(Resource r) {
        try {
            return r.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CedarPolicyLoadException("cannot read `" + name(r) + "`: " + e.getMessage(), e);
        }
    }

    private static String digest(List<Source> policies, Source schema) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Source s : policies) {
                md.update(s.name().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(s.text().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            md.update((byte) 1);
            if (schema != null) {
                md.update(schema.name().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(schema.text().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Source(String name, String text) {
    }

    record Sources(List<Source> policies, Source schema, String digest) {
    }

    public static final class Builder {
        private ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        private final List<String> policyLocations = new ArrayList<>();
        private String schemaLocation;
        private CedarPolicyValidator validator;
        private Boolean validate;

        private Builder() {
        }

        /** Where to find resources; the default resolves {@code classpath:} and {@code file:} locations. */
        public Builder resolver(ResourcePatternResolver resolver) {
            this.resolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        public Builder policies(String... locations) {
            return policies(List.of(locations));
        }

        public Builder policies(List<String> locations) {
            locations.forEach(l -> policyLocations.add(Objects.requireNonNull(l, "location")));
            return this;
        }

        public Builder schema(String location) {
            this.schemaLocation = location;
            return this;
        }

        public Builder validator(CedarPolicyValidator validator) {
            this.validator = validator;
            return this;
        }

        /** Whether to validate the policies against the schema; by default, when there is a schema. */
        public Builder validate(Boolean validate) {
            this.validate = validate;
            return this;
        }

        public CedarPolicyLoader build() {
            return new CedarPolicyLoader(this);
        }
    }
}
