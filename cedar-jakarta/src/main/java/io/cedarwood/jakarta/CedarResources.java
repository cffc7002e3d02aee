package io.cedarwood.jakarta;

import io.cedarwood.engine.ast.Policy;
import io.cedarwood.engine.ast.PolicyId;
import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.json.CedarJson;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.value.CedarException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads policies, schemas and entities from a location: {@code classpath:META-INF/cedar/policies.cedar} (the
 * thread's context class loader, which is the web application's) or a file system path, optionally
 * {@code file:}-prefixed. Several policy files are given comma-separated.
 */
public final class CedarResources {
    /** Where the defaults live on the classpath. */
    public static final String DEFAULT_POLICIES = "classpath:META-INF/cedar/policies.cedar";
    public static final String DEFAULT_SCHEMA = "classpath:META-INF/cedar/schema.cedarschema";
    public static final String DEFAULT_ENTITIES = "classpath:META-INF/cedar/entities.json";
    public static final String DEFAULT_ROUTES = "classpath:META-INF/cedar/routes.txt";

    private CedarResources() {
    }

    /**
     * The policies of every comma-separated location, in order, as one policy set. A policy's id is its
     * {@code @id("...")} annotation when it has one, otherwise {@code policy0}, {@code policy1}, ... counted
     * across the files (as cedar-spring-security does).
     *
     * @throws CedarConfigurationException when a file is missing, does not parse, or two policies have one {@code @id}
     */
    public static PolicySet policies(String locations) {
        PolicySet set = PolicySet.EMPTY;
        int counter = 0;
        Set<PolicyId> annotated = new HashSet<>();
        for (String location : locations.split(",")) {
            if (location.isBlank()) {
                continue;
            }
            PolicySet parsed;
            try {
                parsed = PolicySet.parse(require(location.strip()));
            } catch (CedarException e) {
                throw new CedarConfigurationException("invalid policies in `" + location.strip() + "`:\n" + e.getMessage(), e);
            }
            List<Policy> inFile = new ArrayList<>(parsed.policies());
            inFile.addAll(parsed.templates());
            inFile.sort(Comparator.comparingInt(p -> number(p.id())));
            for (Policy p : inFile) {
                String id = p.annotations().get("id");
                PolicyId newId = PolicyId.of(id != null ? id : "policy" + (counter + number(p.id())));
                if (id != null && !annotated.add(newId)) {
                    throw new CedarConfigurationException("two policies have `@id(\"" + id + "\")`, the second in `"
                            + location.strip() + "`");
                }
                set = set.add(p.withId(newId));
            }
            counter += inFile.size();
        }
        return set;
    }

    /** The n of the id {@code policyN} the parser gave. */
    private static int number(PolicyId id) {
        return Integer.parseInt(id.value().substring("policy".length()));
    }

    /** A schema in the human format, or JSON when the location ends in {@code .json}. */
    public static Schema schema(String location) {
        String text = require(location);
        try {
            return location.endsWith(".json") ? Schema.parseJson(text) : Schema.parseCedarSchema(text);
        } catch (CedarException e) {
            throw new CedarConfigurationException("invalid schema in `" + location + "`:\n" + e.getMessage(), e);
        }
    }

    /** Entities in Cedar's JSON format. */
    public static EntityProvider entities(String location) {
        try {
            return Entities.of(CedarJson.readEntities(require(location)));
        } catch (CedarException e) {
            throw new CedarConfigurationException("invalid entities in `" + location + "`:\n" + e.getMessage(), e);
        }
    }

    /** The text at the location; {@link CedarConfigurationException} when there is none. */
    public static String require(String location) {
        return read(location).orElseThrow(() -> new CedarConfigurationException("no file at `" + location + "`"));
    }

    /** The text at the location, empty when there is none. */
    public static Optional<String> read(String location) {
        try {
            if (location.startsWith("classpath:")) {
                String name = location.substring("classpath:".length());
                name = name.startsWith("/") ? name.substring(1) : name;
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                if (loader == null) {
                    loader = CedarResources.class.getClassLoader();
                }
                try (InputStream in = loader.getResourceAsStream(name)) {
                    return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            Path path = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
            return Files.isRegularFile(path) ? Optional.of(Files.readString(path)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read `" + location + "`", e);
        }
    }
}
