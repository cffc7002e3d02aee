package io.cedarwood.engine.ast;

/** A template slot: {@code ?principal} or {@code ?resource}. */
public enum SlotId {
    PRINCIPAL("?principal"), RESOURCE("?resource");

    private final String cedarName;

    SlotId(String cedarName) {
        this.cedarName = cedarName;
    }

    /** The slot as written in Cedar, with its question mark. */
    public String cedarName() {
        return cedarName;
    }
}
