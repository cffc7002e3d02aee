package io.cedarwood.engine.schema;

import io.cedarwood.engine.ast.SourceSpan;
import io.cedarwood.engine.parser.ParseError;
import io.cedarwood.engine.parser.ParseException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads schemas in either format, resolves them and writes them back: the machinery behind
 * {@link io.cedarwood.engine.schema.Schema}, which is the API to use.
 */
final class SchemaLoader {
    private SchemaLoader() {
    }

    /** A schema as written and as resolved. */
    public record Loaded(SchemaFragment fragment, ResolvedSchema resolved) {
        public Loaded {
            Objects.requireNonNull(fragment, "fragment");
            Objects.requireNonNull(resolved, "resolved");
        }
    }

    /** How problems found after parsing are reported for each source. */
    private enum Origin {
        HUMAN, JSON, MODEL
    }

    /** Reads and resolves a schema in the human format; errors carry source spans. */
    static Loaded fromCedarSchema(String text) {
        Objects.requireNonNull(text, "text");
        CedarSchemaReader.Parsed parsed = CedarSchemaReader.read(text);
        return resolve(parsed.fragment(), parsed.spans(), text, Origin.HUMAN);
    }

    /** Reads and resolves a schema in the JSON format; errors name JSON paths and carry source spans. */
    static Loaded fromJson(String json) {
        Objects.requireNonNull(json, "json");
        CedarSchemaReader.Parsed parsed = SchemaJsonReader.read(json);
        return resolve(parsed.fragment(), parsed.spans(), json, Origin.JSON);
    }

    /** Resolves a schema built in code; errors name JSON paths. */
    static Loaded fromFragment(SchemaFragment fragment) {
        Objects.requireNonNull(fragment, "fragment");
        return resolve(fragment, Map.of(), null, Origin.MODEL);
    }

    /** The schema in the human format. */
    static String toCedarSchema(SchemaFragment fragment) {
        return CedarSchemaPrinter.print(fragment);
    }

    /** The schema in the JSON format. */
    static String toJson(SchemaFragment fragment) {
        return SchemaJsonWriter.write(fragment);
    }

    private static Loaded resolve(SchemaFragment fragment, Map<SchemaPath, SourceSpan> spans, String source,
                                  Origin origin) {
        SchemaResolver.Result result;
        try {
            result = SchemaResolver.resolve(fragment);
        } catch (StackOverflowError e) {
            // a safety net only: the readers and the resolver bound nesting well within the stack
            throw new ParseException(source, List.of(new ParseError("schema is nested too deeply", null)));
        }
        if (!result.problems().isEmpty()) {
            List<ParseError> errors = new ArrayList<>();
            for (SchemaProblem p : result.problems()) {
                String message = origin == Origin.HUMAN ? p.message() : p.message() + " at `" + p.path() + "`";
                errors.add(new ParseError(message, spanOf(p.path(), spans), p.help()));
            }
            throw new ParseException(source, List.copyOf(new LinkedHashSet<>(errors)));
        }
        return new Loaded(fragment, result.schema());
    }

    /** The span of the path, or of its nearest enclosing path that has one. */
    private static SourceSpan spanOf(SchemaPath path, Map<SchemaPath, SourceSpan> spans) {
        for (SchemaPath p = path; p != null; p = p.parent()) {
            SourceSpan span = spans.get(p);
            if (span != null) {
                return span;
            }
        }
        return null;
    }
}
