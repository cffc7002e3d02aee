package io.cedarwood.jakarta;

import io.cedarwood.enforcement.PolicyLoadException;
import io.cedarwood.enforcement.PolicyLocations;
import io.cedarwood.enforcement.PolicySource;
import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.EntityProvider;
import io.cedarwood.engine.json.CedarJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads policies, schemas and entities from a location: {@code classpath:META-INF/cedar/policies.cedar} (the
 * thread's context class loader, which is the web application's) or a file system path, optionally
 * {@code file:}-prefixed. Several policy files are given comma-separated; a file system directory means every
 * {@code .cedar} file below it.
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
     * The files of the comma-separated policy locations and of the schema location ({@code null}: none), read
     * anew at each call (so that a reloader sees changes on the file system).
     */
    public static PolicyLocations locations(String policyLocations, String schemaLocation) {
        List<String> policies = new ArrayList<>();
        for (String l : policyLocations.split(",")) {
            if (!l.isBlank()) {
                policies.add(l.strip());
            }
        }
        return new PolicyLocations() {
            @Override
            public List<PolicySource> policies() {
                List<PolicySource> out = new ArrayList<>();
                for (String location : policies) {
                    Path dir = path(location);
                    if (dir != null && Files.isDirectory(dir)) {
                        out.addAll(PolicyLocations.files(List.of(dir), null).policies());
                    } else {
                        out.add(source(location));
                    }
                }
                return out;
            }

            @Override
            public Optional<PolicySource> schema() {
                return Optional.ofNullable(schemaLocation).map(CedarResources::source);
            }
        };
    }

    private static PolicySource source(String location) {
        return new PolicySource(location, bytes(location).map(b -> PolicyLocations.decode(b, location))
                .orElseThrow(() -> new PolicyLoadException("no file at `" + location + "`")));
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

    /** The text at the location (strict UTF-8), empty when there is none. */
    public static Optional<String> read(String location) {
        return bytes(location).map(b -> PolicyLocations.decode(b, location));
    }

    private static Path path(String location) {
        return location.startsWith("classpath:") ? null
                : Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
    }

    private static Optional<byte[]> bytes(String location) {
        try {
            if (location.startsWith("classpath:")) {
                String name = location.substring("classpath:".length());
                name = name.startsWith("/") ? name.substring(1) : name;
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                if (loader == null) {
                    loader = CedarResources.class.getClassLoader();
                }
                try (InputStream in = loader.getResourceAsStream(name)) {
                    return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
                }
            }
            Path path = path(location);
            return Files.isRegularFile(path) ? Optional.of(Files.readAllBytes(path)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read `" + location + "`", e);
        }
    }
}
