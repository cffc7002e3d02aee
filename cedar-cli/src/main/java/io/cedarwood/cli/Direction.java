package io.cedarwood.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The {@code --direction} of the translate commands. */
enum Direction {
    CEDAR_TO_JSON("cedar-to-json"), JSON_TO_CEDAR("json-to-cedar");

    private final String name;

    Direction(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Reads {@code cedar-to-json} or {@code json-to-cedar}; anything else is an error naming both. */
    static final class Converter implements ITypeConverter<Direction> {
        @Override
        public Direction convert(String value) {
            for (Direction d : values()) {
                if (d.name.equals(value)) {
                    return d;
                }
            }
            throw new TypeConversionException("`" + value + "` is not a direction: expected `cedar-to-json` or `json-to-cedar`");
        }
    }
}
