package io.cedarwood.engine.schema;

import io.cedarwood.engine.parser.ParseException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden test of how schema errors read: each input below and the full rendered error, compared with
 * {@code schema_errors.baseline}. After a deliberate change, regenerate the baseline with
 * {@code -Dcedar.updateBaselines=true} and review the diff.
 */
class SchemaErrorRenderingTest {
    private static final String BASELINE = "schema_errors.baseline";

    private record Case(String name, boolean json, String input) {
    }

    private static Case human(String name, String input) {
        return new Case(name, false, input);
    }

    private static Case json(String name, String input) {
        return new Case(name, true, input);
    }

    private static final List<Case> CASES = List.of(
            human("unexpected token", "entity User = {\n  name: String\n  age: Long\n};"),
            human("unexpected end of input", "namespace App {\n  entity User;\n"),
            human("invalid character", "entity User in [Group] #;"),
            human("unterminated string", "entity A;\naction \"view;\n"),
            human("reserved identifier", "entity Photo = {\n  in: Long,\n};"),
            human("invalid escape", "entity Color enum [\"red\", \"gr\\een\"];"),
            human("duplicate entity type", "entity User;\nentity Admin, User;"),
            human("duplicate namespace", "namespace App {}\nnamespace App {}"),
            human("duplicate annotation", "@doc(\"a\")\n@doc(\"b\")\nentity User;"),
            human("missing appliesTo", "entity User;\naction view { principal: User, resource: User };"),
            human("missing resource", "entity User;\naction view appliesTo { principal: User };"),
            human("empty principal list", "entity User;\naction view appliesTo { principal: [], resource: User };"),
            human("undeclared type", "namespace App {\n  entity User = { manager: Manager };\n}"),
            human("undeclared parent", "entity User in [Group];"),
            human("undeclared principal type", "entity Photo;\naction view appliesTo { principal: User, resource: Photo };"),
            human("undeclared action group", "action view in [read];"),
            human("undeclared context type", "entity U;\naction view appliesTo { principal: U, resource: U, context: Ctx };"),
            human("cycle in common types", "type A = { b: B };\ntype B = Set<A>;"),
            human("cycle in action hierarchy", "action read in [write];\naction write in [read];"),
            human("shadowing the empty namespace", "entity User;\nnamespace App {\n  entity User;\n}"),
            human("reserved namespace", "namespace __cedar {\n  entity A;\n}"),
            human("reserved common type name", "type Set = Long;"),
            human("Action declared as entity type", "entity Action;"),
            human("empty enum", "entity Color enum [];"),
            human("context not a record", "entity U;\ntype C = Set<String>;\naction view appliesTo { principal: U, resource: U, context: C };"),
            human("nested too deeply", "entity A = { a: " + "Set<".repeat(300) + "Long" + ">".repeat(300) + " };"),
            json("invalid JSON", "{\"\": {\"entityTypes\": {},\n \"actions\": {]}}"),
            json("unknown field", "{\"\": {\n  \"entityTypes\": {\"User\": {\"parents\": []}},\n  \"actions\": {}\n}}"),
            json("missing field", "{\"App\": {\n  \"entityTypes\": {}\n}}"),
            json("duplicate key", "{\"\": {\n  \"entityTypes\": {\"A\": {}, \"A\": {}},\n  \"actions\": {}\n}}"),
            json("wrong JSON type", "{\"\": {\n  \"entityTypes\": {\"A\": {\"memberOfTypes\": \"B\"}},\n  \"actions\": {}\n}}"),
            json("field not of the type", "{\"\": {\n  \"entityTypes\": {\"A\": {\"shape\": {\"type\": \"Record\", \"attributes\": {},\n    \"element\": {\"type\": \"Long\"}}}},\n  \"actions\": {}\n}}"),
            json("missing namespace level", "{\n  \"entityTypes\": {\"User\": {}},\n  \"actions\": {}\n}"),
            json("undeclared entity type", "{\"App\": {\n  \"entityTypes\": {\"User\": {\"memberOfTypes\": [\"Group\"]}},\n  \"actions\": {}\n}}"),
            json("action attributes", "{\"\": {\n  \"entityTypes\": {},\n  \"actions\": {\"view\": {\"attributes\": {\"a\": 1}}}\n}}"),
            json("nested too deeply", "[".repeat(1000) + "]".repeat(1000)));

    @Test
    void errorsRenderAsInTheBaseline() throws IOException {
        StringBuilder out = new StringBuilder();
        for (Case c : CASES) {
            out.append("=== ").append(c.name()).append(c.json() ? " (json)" : "").append('\n');
            out.append(c.input().length() > 300 ? c.input().substring(0, 300) + "..." : c.input()).append('\n');
            out.append("---\n");
            try {
                if (c.json()) {
                    Schema.parseJson(c.input());
                } else {
                    Schema.parseCedarSchema(c.input());
                }
                out.append("(accepted)\n");
            } catch (ParseException e) {
                out.append(truncateLines(e.getMessage())).append('\n');
            }
            out.append('\n');
        }
        String actual = out.toString();
        if (Boolean.getBoolean("cedar.updateBaselines")) {
            Path file = Path.of("src/test/resources/io/cedarwood/engine/schema", BASELINE);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            assertThat(file).hasContent(actual);
            return;
        }
        assertThat(actual).isEqualTo(baseline());
    }

    /** Source lines of very long inputs are cut, to keep the baseline readable. */
    private static String truncateLines(String rendered) {
        StringBuilder out = new StringBuilder();
        for (String line : rendered.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(line.length() > 120 ? line.substring(0, 120) + "..." : line);
        }
        return out.toString();
    }

    private static String baseline() throws IOException {
        try (InputStream in = SchemaErrorRenderingTest.class.getResourceAsStream(BASELINE)) {
            assertThat(in).as("baseline " + BASELINE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
