package io.cedarwood.engine.schema;

import io.cedarwood.engine.testing.SharedData;

import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written schemas of the integration tests and of TinyTodo parse, resolve and round-trip. */
class SampleSchemasTest {

    private static List<Path> schemaFiles() throws IOException {
        Path shared = SharedData.sharedDir();
        try (Stream<Path> samples = Files.walk(shared.resolve("cedar-integration-tests/sample-data"));
             Stream<Path> tinytodo = Files.list(shared.resolve("tinytodo"))) {
            return Stream.concat(samples, tinytodo).filter(p -> p.toString().endsWith(".cedarschema")).sorted().toList();
        }
    }

    @Test
    void sampleSchemasParseAndRoundTrip() throws IOException {
        List<Path> files = schemaFiles();
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        for (Path file : files) {
            Schema schema = Schema.parseCedarSchema(SharedData.read(file));
            assertThat(schema.entityTypes()).as(file.toString()).isNotEmpty();
            assertThat(Schema.parseJson(schema.toJson())).as(file.toString()).isEqualTo(schema);
            assertThat(Schema.parseCedarSchema(schema.toCedarSchema())).as(file.toString()).isEqualTo(schema);
        }
    }

    @Test
    void tinyTodoSchemaResolvesAsDeclared() {
        Schema schema = Schema.parseCedarSchema(SharedData.read(SharedData.sharedDir().resolve("tinytodo/tinytodo.cedarschema")));
        assertThat(schema.entityType(EntityType.of("Application")).orElseThrow().enumChoices()).contains(List.of("TinyTodo"));
        assertThat(schema.entityType(EntityType.of("User")).orElseThrow().ancestorTypes())
                .containsExactlyInAnyOrder(EntityType.of("Team"), EntityType.of("Application"));
        assertThat(schema.action(EntityUid.of("Action", "CreateList")).orElseThrow().resourceTypes())
                .containsExactly(EntityType.of("Application"));
        assertThat(schema.entityType(EntityType.of("List")).orElseThrow().shape().attribute("tasks").type().toString())
                .isEqualTo("Set<{\"id\": Long, \"name\": String, \"state\": String}>");
    }

    @Test
    void sandboxSchemaUsesExtensionTypesInContexts() {
        Schema schema = Schema.parseCedarSchema(SharedData.read(
                SharedData.sharedDir().resolve("cedar-integration-tests/sample-data/sandbox_b/schema_exts.cedarschema")));
        assertThat(schema.action(EntityUid.of("Action", "view")).orElseThrow().context().attribute("source_ip").type())
                .isEqualTo(new SchemaType.ExtensionType("ipaddr"));
    }
}
