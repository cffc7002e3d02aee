package io.cedarwood.engine.extensions;

/**
 * The types extension functions take and return, as Cedar names them. The schema maps each to its schema
 * type once ({@code ResolvedSchema.typeOf}); the validator and the JSON readers go through that mapping.
 */
public enum ValueType {
    BOOL("Bool"), LONG("Long"), STRING("String"),
    IPADDR("ipaddr"), DECIMAL("decimal"), DATETIME("datetime"), DURATION("duration");

    private final String cedarName;

    ValueType(String cedarName) {
        this.cedarName = cedarName;
    }

    /** The name Cedar gives the type: {@code Bool}, {@code Long}, {@code String}, {@code ipaddr}, ... */
    public String cedarName() {
        return cedarName;
    }
}
