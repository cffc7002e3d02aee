package io.cedarwood.enforcement.filter;

import io.cedarwood.engine.authz.PolicySet;
import io.cedarwood.engine.entities.Entities;
import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.StringValue;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The example of docs/filtering.md, run. */
class FilteringDocTest {
    @Test
    void theExampleOfTheDesignNote() {
        Schema schema = SharedTinyTodo.schema();
        PolicySet policies = SharedTinyTodo.policiesAllEnabled();
        EntityUid kesha = EntityUid.of("User", "kesha");
        EntityUid getList = EntityUid.of("Action", "GetList");
        RecordValue context = RecordValue.EMPTY;
        Entities entities = Entities.of(List.of(
                new Entity(kesha, Map.of("location", StringValue.of("ABC17"), "joblevel", LongValue.of(5)),
                        Set.of(EntityUid.of("Team", "temp"), EntityUid.of("Team", "list-7-readers")))));

        ResourceQuery query = new ResourceQuery(schema);                 // one per schema, thread-safe
        SqlMapping mapping = SqlMapping.builder(schema)                  // checked against the schema at startup
                .table("List", SqlTable.of("lists", "id").numericIds()
                        .column("owner", "owner")
                        .join("readers", "teams", "list_id", "name", "list_role", "readers")
                        .join("editors", "teams", "list_id", "name", "list_role", "editors")
                        .ancestors(EntityUid.of("Application", "TinyTodo")))
                .table("User", SqlTable.of("users", "name").column("location", "location"))
                .build();

        ResourceFilter filter = query.filter(kesha, getList, EntityType.of("List"), context, policies, entities);
        SqlFilter sql = mapping.toSql(filter, "l");
        // select ... from lists l where <sql.candidates().sql()>, with sql.candidates().parameters()

        System.out.println(sql.candidates().sql() + "\n" + sql.candidates().parameters());
        assertThat(sql.isExact()).isTrue();
        assertThat(sql.candidates().sql()).contains("l.owner = ?").contains("EXISTS (SELECT 1 FROM teams")
                .contains("EXISTS (SELECT 1 FROM users").doesNotContain("kesha").doesNotContain("ABC17");
        assertThat(sql.candidates().parameters()).contains("kesha", "readers", "list-7-readers", "temp", "ABC17");
    }
}
