package io.cedarwood.enforcement.filter;

import java.util.Objects;

/**
 * A {@link ResourceFilter} as SQL conditions on the resource table's alias: rows outside {@code candidates}
 * are denied, rows in {@code certain} are allowed. When the two differ ({@link #isExact()} is false), select
 * {@code certain} as a column of the rows in {@code candidates} and ask {@link ResourceFilter#decide} for the
 * rows where it is false:
 *
 * <pre>{@code
 * select l.*, case when <certain> then 1 else 0 end as certain from lists l where <candidates>
 * }</pre>
 */
public record SqlFilter(SqlFragment candidates, SqlFragment certain) {
    public SqlFilter {
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(certain, "certain");
    }

    /** Whether {@code candidates} is the exact answer: no row needs a decision of its own. */
    public boolean isExact() {
        return candidates.equals(certain);
    }
}
