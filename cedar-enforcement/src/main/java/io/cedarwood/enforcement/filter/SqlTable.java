package io.cedarwood.enforcement.filter;

import io.cedarwood.engine.value.EntityUid;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where the entities of one type are in the database: a table with an id column, and for each Cedar
 * attribute a column of the table, or a column of another table joined on the id ({@code join}). Names are
 * SQL identifiers (letters, digits, {@code _}; {@code schema.table} for tables), checked by
 * {@link SqlMapping.Builder#build()}. Immutable: each method gives a new table.
 */
public final class SqlTable {
    /** How one attribute is stored. */
    sealed interface Column {
    }

    /** A column of the entity's own table. */
    record Direct(String column) implements Column {
    }

    /**
     * A column {@code value} of the rows of {@code table} whose {@code key} is the entity's id (and whose
     * {@code whereColumn}, when given, is {@code whereValue}); at most one such row per entity, none when the
     * entity has no such attribute.
     */
    record Join(String table, String key, String value, Optional<String> whereColumn, Optional<String> whereValue)
            implements Column {
    }

    private final String table;
    private final String idColumn;
    private final boolean numericIds;
    private final Map<String, Column> columns;
    private final Optional<Set<EntityUid>> ancestors;

    private SqlTable(String table, String idColumn, boolean numericIds, Map<String, Column> columns,
            Optional<Set<EntityUid>> ancestors) {
        this.table = Objects.requireNonNull(table, "table");
        this.idColumn = Objects.requireNonNull(idColumn, "idColumn");
        this.numericIds = numericIds;
        this.columns = Map.copyOf(columns);
        this.ancestors = ancestors;
    }

    /** The entities of the type are the rows of {@code table}; an entity's id is in {@code idColumn}. */
    public static SqlTable of(String table, String idColumn) {
        return new SqlTable(table, idColumn, false, Map.of(), Optional.empty());
    }

    /**
     * The id column is a number: entity {@code "42"} is the row with id 42. Only the canonical spelling is
     * that row ({@code Long.toString}): {@code "042"} or {@code "+42"} is no row.
     */
    public SqlTable numericIds() {
        return new SqlTable(table, idColumn, true, columns, ancestors);
    }

    /** The attribute is the column {@code column} of the table; {@code NULL} when an entity has no such attribute. */
    public SqlTable column(String attribute, String column) {
        return with(attribute, new Direct(column));
    }

    /** The attribute is the column {@code value} of the row of {@code table} whose {@code key} is the entity's id. */
    public SqlTable join(String attribute, String table, String key, String value) {
        return with(attribute, new Join(table, key, value, Optional.empty(), Optional.empty()));
    }

    /** As {@link #join(String, String, String, String)}, among the rows whose {@code whereColumn} is {@code whereValue}. */
    public SqlTable join(String attribute, String table, String key, String value, String whereColumn,
            String whereValue) {
        return with(attribute, new Join(table, key, value, Optional.of(whereColumn), Optional.of(whereValue)));
    }

    /**
     * Every entity of the type has exactly these ancestors (all of them, not only the parents): what
     * {@code resource in Application::"TinyTodo"} needs. Without it, {@code in} an entity of a type that
     * can be an ancestor leaves rows to a decision each.
     */
    public SqlTable ancestors(EntityUid... ancestors) {
        return new SqlTable(table, idColumn, numericIds, columns, Optional.of(Set.of(ancestors)));
    }

    private SqlTable with(String attribute, Column column) {
        Map<String, Column> out = new LinkedHashMap<>(columns);
        if (out.put(Objects.requireNonNull(attribute, "attribute"), column) != null) {
            throw new IllegalArgumentException("attribute `" + attribute + "` is mapped twice");
        }
        return new SqlTable(table, idColumn, numericIds, out, ancestors);
    }

    String table() {
        return table;
    }

    String idColumn() {
        return idColumn;
    }

    boolean hasNumericIds() {
        return numericIds;
    }

    Map<String, Column> columns() {
        return columns;
    }

    Optional<Set<EntityUid>> declaredAncestors() {
        return ancestors;
    }
}
