package io.cedarwood.engine.schema;

import io.cedarwood.engine.ast.Request;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.parser.ParseException;
import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Cedar schema: the entity types, actions and common types of an application, read from the human
 * schema format ({@code .cedarschema}) or the JSON schema format, with every name resolved. Immutable.
 *
 * <p>A schema keeps both how it was written ({@link #fragment()}: namespaces, common types, names as
 * written) and what it means ({@link #entityTypes()}, {@link #actions()}, {@link #commonTypes()}), so it
 * translates between the formats faithfully. Two schemas are equal when they were written equally.
 */
public final class Schema {
    private final SchemaFragment fragment;
    private final ResolvedSchema resolved;

    private Schema(SchemaLoader.Loaded loaded) {
        this.fragment = loaded.fragment();
        this.resolved = loaded.resolved();
    }

    /**
     * Reads a schema in the human schema format.
     *
     * @throws ParseException listing every error found, with source locations
     */
    public static Schema parseCedarSchema(String text) {
        return new Schema(SchemaLoader.fromCedarSchema(text));
    }

    /**
     * Reads a schema in the JSON schema format.
     *
     * @throws ParseException listing the errors found, with their JSON paths and source locations
     */
    public static Schema parseJson(String json) {
        return new Schema(SchemaLoader.fromJson(json));
    }

    /**
     * Resolves a schema built in code.
     *
     * @throws ParseException listing the errors found, with their JSON paths
     */
    public static Schema of(SchemaFragment fragment) {
        return new Schema(SchemaLoader.fromFragment(fragment));
    }

    /**
     * This schema in the human schema format; it parses back to an equivalent schema.
     *
     * @throws CedarException when the schema says something the human format cannot (possible only for
     *         schemas read from JSON, for example an entity shape given by a common type name)
     */
    public String toCedarSchema() {
        return SchemaLoader.toCedarSchema(fragment);
    }

    /** This schema in the JSON schema format; it parses back to an equal schema. */
    public String toJson() {
        return SchemaLoader.toJson(fragment);
    }

    /** The schema as written, names unresolved. */
    public SchemaFragment fragment() {
        return fragment;
    }

    /** The declared entity types by fully qualified name (action types are not among them). */
    public Map<EntityType, EntityTypeDef> entityTypes() {
        return resolved.entityTypes();
    }

    public Optional<EntityTypeDef> entityType(EntityType name) {
        return Optional.ofNullable(resolved.entityTypes().get(name));
    }

    /** The declared actions by entity uid. */
    public Map<EntityUid, ActionDef> actions() {
        return resolved.actions();
    }

    public Optional<ActionDef> action(EntityUid uid) {
        return Optional.ofNullable(resolved.actions().get(uid));
    }

    /** The action entities the schema declares (each action with its action groups as parents). */
    public List<Entity> actionEntities() {
        return resolved.actionEntities();
    }

    /** The declared common types by fully qualified name, resolved. */
    public Map<String, SchemaType> commonTypes() {
        return resolved.commonTypes();
    }

    /**
     * Checks a request against this schema, as the reference validates requests: the principal and
     * resource are of declared entity types (with ids an enumerated type has), the action is declared
     * and applies to those types, every entity in the context can exist, and the context has the
     * action's context type.
     *
     * @throws RequestValidationException saying what does not fit
     */
    public void validateRequest(Request request) {
        Objects.requireNonNull(request, "request");
        Optional<String> problem = SchemaConformance.checkRequest(resolved, request);
        if (problem.isPresent()) {
            throw new RequestValidationException(problem.get());
        }
    }

    /** The resolved model as one value. */
    public ResolvedSchema resolved() {
        return resolved;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schema other && fragment.equals(other.fragment);
    }

    @Override
    public int hashCode() {
        return fragment.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
