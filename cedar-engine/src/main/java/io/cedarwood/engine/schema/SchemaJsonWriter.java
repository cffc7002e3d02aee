package io.cedarwood.engine.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link SchemaFragment} in the JSON schema format, the way the reference writes the
 * translation of a human-format schema: defaults left out ({@code required: true}, empty
 * {@code memberOfTypes}, empty shapes and contexts, no common types), {@code appliesTo} always written.
 */
final class SchemaJsonWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final JsonGenerator out;

    private SchemaJsonWriter(JsonGenerator out) {
        this.out = out;
    }

    static String write(SchemaFragment fragment) {
        StringWriter text = new StringWriter();
        try (JsonGenerator gen = FACTORY.createGenerator(text)) {
            gen.setPrettyPrinter(new Pretty());
            new SchemaJsonWriter(gen).fragment(fragment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** Two-space indentation, {@code "key": value}, and {@code {}} / {@code []} when empty. */
    private static final class Pretty extends DefaultPrettyPrinter {
        Pretty() {
            _objectIndenter = new DefaultIndenter("  ", "\n");
            _arrayIndenter = new DefaultIndenter("  ", "\n");
        }

        Pretty(Pretty base) {
            super(base);
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new Pretty(this);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            if (entries == 0) {
                _nesting--;
                g.writeRaw('}');
            } else {
                super.writeEndObject(g, entries);
            }
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            if (values == 0) {
                _nesting--;
                g.writeRaw(']');
            } else {
                super.writeEndArray(g, values);
            }
        }
    }

    private void fragment(SchemaFragment fragment) throws IOException {
        out.writeStartObject();
        for (Map.Entry<String, NamespaceDecl> ns : fragment.namespaces().entrySet()) {
            out.writeFieldName(ns.getKey());
            namespace(ns.getValue());
        }
        out.writeEndObject();
    }

    private void namespace(NamespaceDecl ns) throws IOException {
        out.writeStartObject();
        if (!ns.commonTypes().isEmpty()) {
            out.writeObjectFieldStart("commonTypes");
            for (Map.Entry<String, CommonTypeDecl> e : ns.commonTypes().entrySet()) {
                out.writeFieldName(e.getKey());
                out.writeStartObject();
                typeFields(e.getValue().type());
                annotations(e.getValue().annotations());
                out.writeEndObject();
            }
            out.writeEndObject();
        }
        out.writeObjectFieldStart("entityTypes");
        for (Map.Entry<String, EntityDecl> e : ns.entityTypes().entrySet()) {
            out.writeFieldName(e.getKey());
            entityType(e.getValue());
        }
        out.writeEndObject();
        out.writeObjectFieldStart("actions");
        for (Map.Entry<String, ActionDecl> e : ns.actions().entrySet()) {
            out.writeFieldName(e.getKey());
            action(e.getValue());
        }
        out.writeEndObject();
        annotations(ns.annotations());
        out.writeEndObject();
    }

    private void entityType(EntityDecl decl) throws IOException {
        out.writeStartObject();
        if (decl instanceof EntityDecl.Enumerated en) {
            strings("enum", en.choices());
        } else {
            EntityDecl.Standard st = (EntityDecl.Standard) decl;
            if (!st.memberOfTypes().isEmpty()) {
                strings("memberOfTypes", st.memberOfTypes());
            }
            if (!(st.shape() instanceof TypeExpr.RecordOf r && r.isEmpty())) {
                out.writeFieldName("shape");
                type(st.shape());
            }
            if (st.tags() != null) {
                out.writeFieldName("tags");
                type(st.tags());
            }
        }
        annotations(decl.annotations());
        out.writeEndObject();
    }

    private void action(ActionDecl decl) throws IOException {
        out.writeStartObject();
        out.writeObjectFieldStart("appliesTo");
        strings("principalTypes", decl.appliesTo().principalTypes());
        strings("resourceTypes", decl.appliesTo().resourceTypes());
        if (!(decl.appliesTo().context() instanceof TypeExpr.RecordOf r && r.isEmpty())) {
            out.writeFieldName("context");
            type(decl.appliesTo().context());
        }
        out.writeEndObject();
        if (!decl.memberOf().isEmpty()) {
            out.writeArrayFieldStart("memberOf");
            for (ActionDecl.ActionRef ref : decl.memberOf()) {
                out.writeStartObject();
                out.writeStringField("id", ref.id());
                if (ref.type() != null) {
                    out.writeStringField("type", ref.type());
                }
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        annotations(decl.annotations());
        out.writeEndObject();
    }

    private void type(TypeExpr type) throws IOException {
        out.writeStartObject();
        typeFields(type);
        out.writeEndObject();
    }

    private void typeFields(TypeExpr type) throws IOException {
        if (type instanceof TypeExpr.Primitive p) {
            out.writeStringField("type", p.kind().jsonName());
        } else if (type instanceof TypeExpr.SetOf s) {
            out.writeStringField("type", "Set");
            out.writeFieldName("element");
            type(s.element());
        } else if (type instanceof TypeExpr.RecordOf r) {
            out.writeStringField("type", "Record");
            out.writeObjectFieldStart("attributes");
            for (Map.Entry<String, TypeExpr.Attribute> a : r.attributes().entrySet()) {
                out.writeFieldName(a.getKey());
                out.writeStartObject();
                typeFields(a.getValue().type());
                if (!a.getValue().required()) {
                    out.writeBooleanField("required", false);
                }
                annotations(a.getValue().annotations());
                out.writeEndObject();
            }
            out.writeEndObject();
            if (r.additionalAttributes()) {
                out.writeBooleanField("additionalAttributes", true);
            }
        } else if (type instanceof TypeExpr.EntityOrCommonRef ref) {
            out.writeStringField("type", "EntityOrCommon");
            out.writeStringField("name", ref.name());
        } else if (type instanceof TypeExpr.EntityRef ref) {
            out.writeStringField("type", "Entity");
            out.writeStringField("name", ref.name());
        } else if (type instanceof TypeExpr.ExtensionRef ref) {
            out.writeStringField("type", "Extension");
            out.writeStringField("name", ref.name());
        } else {
            out.writeStringField("type", ((TypeExpr.CommonRef) type).name());
        }
    }

    private void strings(String field, List<String> values) throws IOException {
        out.writeArrayFieldStart(field);
        for (String v : values) {
            out.writeString(v);
        }
        out.writeEndArray();
    }

    private void annotations(Map<String, String> annotations) throws IOException {
        if (annotations.isEmpty()) {
            return;
        }
        out.writeObjectFieldStart("annotations");
        for (Map.Entry<String, String> a : annotations.entrySet()) {
            out.writeStringField(a.getKey(), a.getValue());
        }
        out.writeEndObject();
    }
}
