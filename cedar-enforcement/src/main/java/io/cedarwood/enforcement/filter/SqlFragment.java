package io.cedarwood.enforcement.filter;

import java.util.List;
import java.util.Objects;

/**
 * A piece of SQL and the values of its {@code ?} placeholders, in order: values are never written into the
 * SQL. Give the parameters to {@code PreparedStatement.setObject} one by one.
 */
public record SqlFragment(String sql, List<Object> parameters) {
    public SqlFragment {
        Objects.requireNonNull(sql, "sql");
        parameters = List.copyOf(parameters);
    }
}
