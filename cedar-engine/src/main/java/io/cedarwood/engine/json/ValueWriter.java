package io.cedarwood.engine.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.CedarException;
import io.cedarwood.engine.value.DatetimeValue;
import io.cedarwood.engine.value.DecimalValue;
import io.cedarwood.engine.value.DurationValue;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.IpAddrValue;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.SetValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * Writes values in Cedar's JSON value format with explicit escapes, so that they read back without a
 * schema. Extension values are written as the reference writes them: the constructor call that makes them
 * ({@code decimal("1.2300")}, {@code ip("10.0.0.0/8")}, {@code duration("90000ms")}), and a datetime as
 * {@code offset(datetime("1970-01-01"), duration("<millis>ms"))}.
 */
final class ValueWriter {
    /** Keys a record cannot have in JSON: they would read back as escapes. */
    private static final Set<String> RESERVED_KEYS = Set.of("__entity", "__extn", "__expr");

    private ValueWriter() {
    }

    static void write(JsonGenerator g, Value v) throws IOException {
        if (v instanceof BoolValue b) {
            g.writeBoolean(b.value());
        } else if (v instanceof LongValue l) {
            g.writeNumber(l.value());
        } else if (v instanceof StringValue s) {
            g.writeString(s.value());
        } else if (v instanceof EntityUid uid) {
            g.writeStartObject();
            g.writeFieldName("__entity");
            writeEntityRef(g, uid);
            g.writeEndObject();
        } else if (v instanceof SetValue set) {
            g.writeStartArray();
            for (Value e : set.elements()) {
                write(g, e);
            }
            g.writeEndArray();
        } else if (v instanceof RecordValue record) {
            writeRecord(g, record.attributes());
        } else if (v instanceof DecimalValue d) {
            writeExtension(g, "decimal", d.toString());
        } else if (v instanceof IpAddrValue ip) {
            writeExtension(g, "ip", formatIp(ip));
        } else if (v instanceof DurationValue d) {
            writeExtension(g, "duration", d.millis() + "ms");
        } else if (v instanceof DatetimeValue d) {
            g.writeStartObject();
            g.writeObjectFieldStart("__extn");
            g.writeStringField("fn", "offset");
            g.writeArrayFieldStart("args");
            writeExtension(g, "datetime", "1970-01-01");
            writeExtension(g, "duration", d.epochMillis() + "ms");
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        } else {
            throw new IllegalStateException("unexpected value " + v);
        }
    }

    /** An attribute or tag map as a JSON object. */
    static void writeRecord(JsonGenerator g, Map<String, Value> attributes) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, Value> e : attributes.entrySet()) {
            if (RESERVED_KEYS.contains(e.getKey())) {
                throw new CedarException("cannot write a record with the key `" + e.getKey()
                        + "` as JSON: the key is reserved for escapes");
            }
            g.writeFieldName(e.getKey());
            write(g, e.getValue());
        }
        g.writeEndObject();
    }

    /** {@code {"type": "User", "id": "alice"}}. */
    static void writeEntityRef(JsonGenerator g, EntityUid uid) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", uid.type().name());
        g.writeStringField("id", uid.id());
        g.writeEndObject();
    }

    private static void writeExtension(JsonGenerator g, String function, String arg) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("__extn");
        g.writeStringField("fn", function);
        g.writeStringField("arg", arg);
        g.writeEndObject();
        g.writeEndObject();
    }

    /** The address with its prefix length always written, as the reference writes it: {@code 10.0.0.1/32}. */
    static String formatIp(IpAddrValue ip) {
        String text = ip.toString();
        return text.indexOf('/') >= 0 ? text : text + "/" + ip.prefixLength();
    }
}
