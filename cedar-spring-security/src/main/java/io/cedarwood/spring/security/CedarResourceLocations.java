package io.cedarwood.spring.security;

import io.cedarwood.enforcement.PolicyLoadException;
import io.cedarwood.enforcement.PolicyLocations;
import io.cedarwood.enforcement.PolicySource;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Policy and schema files at Spring resource locations: {@code classpath:cedar/policies.cedar},
 * {@code file:/etc/cedar/} (every {@code .cedar} file below a directory), or a pattern such as
 * {@code classpath*:cedar/**}{@code /*.cedar}. Files are read in the order given, a directory's or a
 * pattern's files sorted by name. A schema ending in {@code .json} is read in the JSON schema format, any
 * other in the human format.
 */
public final class CedarResourceLocations implements PolicyLocations {
    private final ResourcePatternResolver resolver;
    private final List<String> policyLocations;
    private final String schemaLocation;

    /**
     * @param schemaLocation {@code null} for no schema
     */
    public CedarResourceLocations(ResourcePatternResolver resolver, List<String> policyLocations, String schemaLocation) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.policyLocations = List.copyOf(policyLocations);
        this.schemaLocation = schemaLocation;
        if (this.policyLocations.isEmpty()) {
            throw new PolicyLoadException("no policy location given");
        }
    }

    /** Locations resolved with a {@link PathMatchingResourcePatternResolver}. */
    public CedarResourceLocations(List<String> policyLocations, String schemaLocation) {
        this(new PathMatchingResourcePatternResolver(), policyLocations, schemaLocation);
    }

    @Override
    public List<PolicySource> policies() {
        List<PolicySource> out = new ArrayList<>();
        for (String location : policyLocations) {
            List<Resource> found = resolve(location);
            if (found.isEmpty()) {
                throw new PolicyLoadException("no policy file found at `" + location + "`");
            }
            for (Resource r : found) {
                out.add(read(r));
            }
        }
        return out;
    }

    @Override
    public Optional<PolicySource> schema() {
        if (schemaLocation == null) {
            return Optional.empty();
        }
        Resource r = resolver.getResource(schemaLocation);
        if (!r.exists()) {
            throw new PolicyLoadException("no schema file found at `" + schemaLocation + "`");
        }
        return Optional.of(read(r));
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
                found.sort(Comparator.comparing(CedarResourceLocations::name));
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
            throw new PolicyLoadException("cannot read `" + location + "`: " + e.getMessage(), e);
        }
    }

    private static List<Resource> directory(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".cedar") && Files.isRegularFile(p))
                    .sorted()
                    .map(p -> (Resource) new FileSystemResource(p))
                    .toList();
        }
    }

    private static String name(Resource r) {
        try {
            return r.isFile() ? r.getFile().getPath() : r.getURL().toString();
        } catch (IOException e) {
            return r.getDescription();
        }
    }

    private static PolicySource read(Resource r) {
        String name = name(r);
        try (InputStream in = r.getInputStream()) {
            return new PolicySource(name, PolicyLocations.decode(in.readAllBytes(), name));
        } catch (IOException e) {
            throw new PolicyLoadException("cannot read `" + name + "`: " + e.getMessage(), e);
        }
    }
}
