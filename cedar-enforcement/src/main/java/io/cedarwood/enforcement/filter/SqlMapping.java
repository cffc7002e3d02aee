package io.cedarwood.enforcement.filter;

import io.cedarwood.engine.ast.Pattern;
import io.cedarwood.engine.schema.EntityTypeDef;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.schema.SchemaType;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The SQL backend: how the application's tables hold Cedar entities, declared in code and checked against the
 * schema when built, and the translation of a {@link ResourceFilter} into SQL conditions with {@code ?}
 * placeholders (values are never written into the SQL). A part of a policy that this mapping cannot express
 * (an attribute without a column, an entity type without a table, ancestors that are not declared) leaves the
 * rows it concerns to a decision each ({@link SqlFilter#isExact()} is false), logged once at INFO with the
 * policy and why. Immutable and thread-safe.
 *
 * <pre>{@code
 * SqlMapping mapping = SqlMapping.builder(schema)
 *         .table("List", SqlTable.of("lists", "id").numericIds()
 *                 .column("owner", "owner")
 *                 .join("readers", "teams", "list_id", "name", "list_role", "readers")
 *                 .ancestors(EntityUid.of("Application", "TinyTodo")))
 *         .table("User", SqlTable.of("users", "name").column("location", "location"))
 *         .build();
 * }</pre>
 *
 * The SQL is standard (H2 and PostgreSQL run it): {@code EXISTS} sub-queries for joins and references,
 * {@code IN} lists, {@code LIKE ... ESCAPE '\'}.
 */
public final class SqlMapping {
    private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile(
            "[A-Za-z_][A-Za-z0-9_]*");
    private static final java.util.regex.Pattern TABLE = java.util.regex.Pattern.compile(
            "[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
    private static final java.util.regex.Pattern CANONICAL_LONG = java.util.regex.Pattern.compile("0|-?[1-9][0-9]{0,18}");

    private final Schema schema;
    private final Map<EntityType, SqlTable> tables;
    private final FilterLog log = new FilterLog();

    private SqlMapping(Schema schema, Map<EntityType, SqlTable> tables) {
        this.schema = schema;
        this.tables = Map.copyOf(tables);
    }

    public static Builder builder(Schema schema) {
        return new Builder(schema);
    }

    /** Declares the tables; {@link #build()} checks them against the schema. */
    public static final class Builder {
        private final Schema schema;
        private final Map<EntityType, SqlTable> tables = new LinkedHashMap<>();

        private Builder(Schema schema) {
            this.schema = Objects.requireNonNull(schema, "schema");
        }

        /** The entities of {@code entityType} (a name of the schema: {@code List}, {@code App::List}). */
        public Builder table(String entityType, SqlTable table) {
            Objects.requireNonNull(table, "table");
            if (tables.put(EntityType.of(entityType), table) != null) {
                throw new IllegalArgumentException("entity type `" + entityType + "` is mapped twice");
            }
            return this;
        }

        /**
         * The mapping, once every table, column and attribute is checked against the schema.
         *
         * @throws IllegalArgumentException naming every problem: an entity type or attribute the schema does not
         *         declare, an attribute whose type no column holds (a set, a record, an extension type), an
         *         ancestor of a type that cannot be one, a name that is not an SQL identifier
         */
        public SqlMapping build() {
            List<String> problems = new ArrayList<>();
            for (Map.Entry<EntityType, SqlTable> e : tables.entrySet()) {
                check(e.getKey(), e.getValue(), problems);
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("the SQL mapping does not fit the schema: " + String.join("; ", problems));
            }
            return new SqlMapping(schema, tables);
        }

        private void check(EntityType type, SqlTable table, List<String> problems) {
            Optional<EntityTypeDef> def = schema.entityType(type);
            if (def.isEmpty()) {
                problems.add("`" + type + "` is not an entity type of the schema (it has: "
                        + String.join(", ", schema.entityTypes().keySet().stream().map(EntityType::name).sorted().toList()) + ")");
                return;
            }
            String where = "table of `" + type + "`";
            table(table.table(), where, problems);
            identifier(table.idColumn(), where + ", id column", problems);
            SchemaType.RecordType shape = def.get().shape();
            for (Map.Entry<String, SqlTable.Column> c : table.columns().entrySet()) {
                String attribute = c.getKey();
                SchemaType.AttributeType declared = shape.attribute(attribute);
                if (declared == null) {
                    problems.add("`" + type + "` has no attribute `" + attribute + "` in the schema (it has: "
                            + String.join(", ", shape.attributes().keySet()) + ")");
                    continue;
                }
                SchemaType t = declared.type();
                if (!(t instanceof SchemaType.StringType || t instanceof SchemaType.LongType
                        || t instanceof SchemaType.BoolType || t instanceof SchemaType.EntityRefType)) {
                    problems.add("`" + type + "." + attribute + "` is a `" + t + "`: a column holds a String, a Long, "
                            + "a Bool or an entity's id");
                }
                String at = "`" + type + "." + attribute + "`";
                if (c.getValue() instanceof SqlTable.Direct d) {
                    identifier(d.column(), at, problems);
                } else if (c.getValue() instanceof SqlTable.Join j) {
                    table(j.table(), at, problems);
                    identifier(j.key(), at, problems);
                    identifier(j.value(), at, problems);
                    j.whereColumn().ifPresent(w -> identifier(w, at, problems));
                }
            }
            table.declaredAncestors().ifPresent(ancestors -> {
                for (EntityUid a : ancestors) {
                    if (!def.get().ancestorTypes().contains(a.type())) {
                        problems.add("`" + a + "` cannot be an ancestor of a `" + type + "` (the schema allows: "
                                + String.join(", ", def.get().ancestorTypes().stream().map(EntityType::name).toList()) + ")");
                    }
                }
            });
        }

        private static void identifier(String name, String where, List<String> problems) {
            if (!IDENTIFIER.matcher(name).matches()) {
                problems.add(where + ": `" + name + "` is not an SQL identifier (letters, digits, `_`)");
            }
        }

        private static void table(String name, String where, List<String> problems) {
            if (!TABLE.matcher(name).matches()) {
                problems.add(where + ": `" + name + "` is not an SQL table name (letters, digits, `_`, one `.`)");
            }
        }
    }

    /**
     * The filter as SQL conditions on the rows of the resource type's table, which the query names
     * {@code alias}. Aliases the conditions introduce start with {@code cedar_}.
     */
    public SqlFilter toSql(ResourceFilter filter, String alias) {
        Objects.requireNonNull(filter, "filter");
        if (!IDENTIFIER.matcher(alias).matches()) {
            throw new IllegalArgumentException("`" + alias + "` is not an SQL identifier");
        }
        EntityType type = filter.resourceType();
        String what = "`" + type + "` rows for " + filter.action() + " by " + filter.principal();
        ResourceFilter expressible;
        if (!tables.containsKey(type)) {
            expressible = filter.mapPolicies(p -> {
                log.perRow(p.id(), what, "no table for `" + type + "` in the SQL mapping");
                return new Filter.Unknown("no table for `" + type + "`");
            });
        } else {
            expressible = filter.mapPolicies(p -> p.satisfied().rewrite(atom -> {
                if (atom instanceof Filter.Unknown) {
                    return atom;
                }
                try {
                    new Renderer().render(atom, type, alias);
                    return atom;
                } catch (Unsupported u) {
                    log.perRow(p.id(), what, u.getMessage());
                    return new Filter.Unknown(u.getMessage());
                }
            }));
        }
        SqlFragment candidates = new Renderer().fragment(expressible.candidates(), type, alias);
        SqlFragment certain = new Renderer().fragment(expressible.certain(), type, alias);
        return new SqlFilter(candidates, certain);
    }

    /** What the mapping cannot say in SQL. */
    private static final class Unsupported extends RuntimeException {
        Unsupported(String message) {
            super(message, null, false, false);
        }
    }

    /** The SQL of a column, and what it holds. */
    private record Col(String expr, SchemaType type) {
    }

    /** One rendering: the parameters in the order of their placeholders, fresh aliases. */
    private final class Renderer {
        private final List<Object> parameters = new ArrayList<>();
        private int aliases;

        SqlFragment fragment(Filter f, EntityType type, String alias) {
            String sql = render(f, type, alias);
            return new SqlFragment(sql, parameters);
        }

        String render(Filter f, EntityType type, String alias) {
            if (f instanceof Filter.Constant c) {
                return c.value() ? "1 = 1" : "1 = 0";
            } else if (f instanceof Filter.And a) {
                return join(a.parts(), " AND ", type, alias);
            } else if (f instanceof Filter.Or o) {
                return join(o.parts(), " OR ", type, alias);
            } else if (f instanceof Filter.Not n) {
                return "NOT (" + render(n.part(), type, alias) + ")";
            } else if (f instanceof Filter.Unknown u) {
                throw new IllegalStateException("unknown part in SQL: " + u.reason());
            } else if (f instanceof Filter.Present p) {
                return at(p.path(), 0, type, alias, c -> c.expr() + " IS NOT NULL");
            } else if (f instanceof Filter.Compare c) {
                return at(c.path(), 0, type, alias, col -> compare(col, c.op(), c.value()));
            } else if (f instanceof Filter.OneOf o) {
                return at(o.path(), 0, type, alias, col -> oneOf(col, o));
            } else if (f instanceof Filter.Like l) {
                return at(l.path(), 0, type, alias, col -> like(col, l.pattern()));
            } else if (f instanceof Filter.Descendant d) {
                return descendant(d, type, alias);
            }
            throw new IllegalStateException("no SQL for " + f);
        }

        private String join(List<Filter> parts, String op, EntityType type, String alias) {
            List<String> out = new ArrayList<>();
            for (Filter p : parts) {
                out.add("(" + render(p, type, alias) + ")");
            }
            return String.join(op, out);
        }

        /** The condition {@code pred} on the value at {@code path} from the row {@code alias} of {@code type}. */
        private String at(io.cedarwood.enforcement.filter.AttributePath path, int index, EntityType type, String alias,
                Function<Col, String> pred) {
            SqlTable table = table(type);
            if (index == path.attributes().size()) {
                return pred.apply(new Col(alias + "." + table.idColumn(), new SchemaType.EntityRefType(type)));
            }
            String attribute = path.attributes().get(index);
            SqlTable.Column column = table.columns().get(attribute);
            if (column == null) {
                throw new Unsupported("`" + type + "." + attribute + "` has no column in the SQL mapping");
            }
            SchemaType attributeType = schema.entityType(type).orElseThrow().shape().attribute(attribute).type();
            Function<String, String> onValue = value -> {
                if (index == path.attributes().size() - 1) {
                    return pred.apply(new Col(value, attributeType));
                }
                if (!(attributeType instanceof SchemaType.EntityRefType ref)) {
                    throw new Unsupported("`" + type + "." + attribute + "` is a `" + attributeType
                            + "`, not an entity: the SQL mapping cannot go further");
                }
                SqlTable next = table(ref.entityType());
                String j = alias();
                return "EXISTS (SELECT 1 FROM " + next.table() + " " + j + " WHERE " + j + "." + next.idColumn() + " = "
                        + value + " AND " + at(path, index + 1, ref.entityType(), j, pred) + ")";
            };
            if (column instanceof SqlTable.Direct d) {
                return onValue.apply(alias + "." + d.column());
            }
            SqlTable.Join join = (SqlTable.Join) column;
            String j = alias();
            StringBuilder sql = new StringBuilder("EXISTS (SELECT 1 FROM ").append(join.table()).append(' ').append(j)
                    .append(" WHERE ").append(j).append('.').append(join.key()).append(" = ").append(alias).append('.')
                    .append(table.idColumn());
            if (join.whereColumn().isPresent()) {
                sql.append(" AND ").append(j).append('.').append(join.whereColumn().get()).append(" = ?");
                parameters.add(join.whereValue().orElseThrow());
            }
            sql.append(" AND ").append(onValue.apply(j + "." + join.value())).append(')');
            return sql.toString();
        }

        private SqlTable table(EntityType type) {
            SqlTable table = tables.get(type);
            if (table == null) {
                throw new Unsupported("no table for `" + type + "` in the SQL mapping");
            }
            return table;
        }

        private String alias() {
            return "cedar_" + (++aliases);
        }

        private String compare(Col col, Filter.Comparison op, Value value) {
            Optional<Object> parameter = parameter(col.type(), value);
            if (parameter.isEmpty()) {
                // a value of another type (or an id no row has): never equal
                return op == Filter.Comparison.NOT_EQ ? col.expr() + " IS NOT NULL" : "1 = 0";
            }
            if (op != Filter.Comparison.EQ && op != Filter.Comparison.NOT_EQ && !(value instanceof LongValue)) {
                return "1 = 0";
            }
            String sqlOp = switch (op) {
                case EQ -> "=";
                case NOT_EQ -> "<>";
                case LESS -> "<";
                case LESS_EQ -> "<=";
                case GREATER -> ">";
                case GREATER_EQ -> ">=";
            };
            parameters.add(parameter.get());
            return col.expr() + " IS NOT NULL AND " + col.expr() + " " + sqlOp + " ?";
        }

        private String oneOf(Col col, Filter.OneOf o) {
            List<Object> ids = new ArrayList<>();
            for (EntityUid uid : o.entities().stream().sorted(java.util.Comparator.comparing(EntityUid::toString)).toList()) {
                parameter(col.type(), uid).ifPresent(ids::add);
            }
            if (ids.isEmpty()) {
                return "1 = 0";
            }
            parameters.addAll(ids);
            return col.expr() + " IS NOT NULL AND " + col.expr() + " IN (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")";
        }

        private String like(Col col, Pattern pattern) {
            if (!(col.type() instanceof SchemaType.StringType)) {
                return "1 = 0";
            }
            StringBuilder p = new StringBuilder();
            for (Pattern.Element e : pattern.elements()) {
                if (e instanceof Pattern.Wildcard) {
                    p.append('%');
                } else {
                    for (char ch : ((Pattern.Text) e).text().toCharArray()) {
                        if (ch == '\\' || ch == '%' || ch == '_') {
                            p.append('\\');
                        }
                        p.append(ch);
                    }
                }
            }
            parameters.add(p.toString());
            return col.expr() + " IS NOT NULL AND " + col.expr() + " LIKE ? ESCAPE '\\'";
        }

        /** The entity at the path is the ancestor, or has it among the ancestors its table declares. */
        private String descendant(Filter.Descendant d, EntityType type, String alias) {
            EntityType target = typeAt(d.path(), type);
            SqlTable table = table(target);
            boolean declared = table.declaredAncestors().map(a -> a.contains(d.ancestor())).orElse(false);
            if (table.declaredAncestors().isEmpty()) {
                throw new Unsupported("`in` `" + d.ancestor() + "` needs the ancestors of `" + target
                        + "`, which the SQL mapping does not declare");
            }
            if (declared) {
                if (d.path().isResource()) {
                    return "1 = 1";
                }
                // the entity at the path exists (it is a row of its table): then it has the ancestor
                return at(d.path(), 0, type, alias, col -> {
                    String j = alias();
                    return "EXISTS (SELECT 1 FROM " + table.table() + " " + j + " WHERE " + j + "." + table.idColumn()
                            + " = " + col.expr() + ")";
                });
            }
            return at(d.path(), 0, type, alias, col -> compare(col, Filter.Comparison.EQ, d.ancestor()));
        }

        private EntityType typeAt(io.cedarwood.enforcement.filter.AttributePath path, EntityType type) {
            EntityType current = type;
            for (String attribute : path.attributes()) {
                SchemaType.AttributeType a = schema.entityType(current).orElseThrow().shape().attribute(attribute);
                if (a == null || !(a.type() instanceof SchemaType.EntityRefType ref)) {
                    throw new Unsupported("`" + path + "` is not an entity the SQL mapping can reach");
                }
                current = ref.entityType();
            }
            return current;
        }

        /** The JDBC value of {@code value} in a column holding {@code type}, or empty when no row could hold it. */
        private Optional<Object> parameter(SchemaType type, Value value) {
            if (type instanceof SchemaType.StringType && value instanceof StringValue s) {
                return Optional.of(s.value());
            } else if (type instanceof SchemaType.LongType && value instanceof LongValue l) {
                return Optional.of(l.value());
            } else if (type instanceof SchemaType.BoolType && value instanceof BoolValue b) {
                return Optional.of(b.value());
            } else if (type instanceof SchemaType.EntityRefType ref && value instanceof EntityUid uid
                    && uid.type().equals(ref.entityType())) {
                SqlTable table = tables.get(ref.entityType());
                if (table != null && table.hasNumericIds()) {
                    if (!CANONICAL_LONG.matcher(uid.id()).matches()) {
                        return Optional.empty();
                    }
                    try {
                        return Optional.of(Long.parseLong(uid.id()));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                }
                return Optional.of(uid.id());
            }
            return Optional.empty();
        }
    }
}
