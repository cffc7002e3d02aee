package io.cedarwood.engine.json;

import io.cedarwood.engine.value.CedarException;

/**
 * JSON input that is malformed or does not have the shape Cedar expects. The message says why, then where:
 * the JSON path of the offending value (such as {@code $[2].attrs.age}) and its line and column.
 */
public final class JsonFormatException extends CedarException {
    private final String reason;
    private final String path;
    private final int line;
    private final int column;

    JsonFormatException(String reason, String path, int line, int column) {
        super(reason + " (at `" + path + "`, line " + line + ", column " + column + ")");
        this.reason = reason;
        this.path = path;
        this.line = line;
        this.column = column;
    }

    /** What is wrong, without the location. */
    public String reason() {
        return reason;
    }

    /** Where in the document: {@code $} is the whole document, {@code $.a[0]} the first element of its {@code a}. */
    public String path() {
        return path;
    }

    /** The line of the offending JSON, counted from 1. */
    public int line() {
        return line;
    }

    /** The column of the offending JSON, counted from 1. */
    public int column() {
        return column;
    }
}
