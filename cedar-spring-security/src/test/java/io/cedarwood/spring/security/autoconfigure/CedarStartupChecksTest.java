package io.cedarwood.spring.security.autoconfigure;

import io.cedarwood.spring.security.method.CedarAuthorize;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad route properties and names the schema lacks stop the start, with a message naming them. */
@ExtendWith(OutputCaptureExtension.class)
class CedarStartupChecksTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class AppWithAMisspeltAnnotation {
        @Bean
        Lists lists() {
            return new Lists();
        }
    }

    public static class Lists {
        @CedarAuthorize(action = "GetLsit", resourceType = "List", resource = "#id")
        public String get(String id) {
            return id;
        }
    }

    private static SpringApplicationBuilder app(Class<?> source, String... properties) {
        return new SpringApplicationBuilder(source)
                .properties("server.port=0", "server.address=127.0.0.1", "cedar.policies=classpath:cedar/policies.cedar",
                        "cedar.schema=classpath:cedar/schema.cedarschema")
                .properties(properties);
    }

    @Test
    void aRouteWithoutAPathNamesTheProperty(CapturedOutput output) {
        assertThatThrownBy(app(App.class, "cedar.http.routes[0].method=GET", "cedar.http.routes[0].action=GetList",
                "cedar.http.routes[0].resource-type=List", "cedar.http.routes[0].resource-id={listId}")::run)
                .hasStackTraceContaining("cedar.http.routes[0].path is missing");
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("The Cedar configuration is not valid: cedar.http.routes[0].path is missing")
                .doesNotContain("NullPointerException");
    }

    @Test
    void aRouteNamingAnActionTheSchemaLacksNamesTheNearestOne(CapturedOutput output) {
        assertThatThrownBy(app(App.class, "cedar.http.routes[0].method=GET", "cedar.http.routes[0].path=/lists/{listId}",
                "cedar.http.routes[0].action=GetLists", "cedar.http.routes[0].resource-type=List",
                "cedar.http.routes[0].resource-id={listId}")::run)
                .hasStackTraceContaining("cedar.http.routes[0] (GET /lists/{listId}): the schema has no action "
                        + "`Action::\"GetLists\"` (did you mean `Action::\"GetList\"`?)");
        assertThat(output.getAll()).contains("The Cedar configuration is not valid");
    }

    @Test
    void aRouteWhosePatternDoesNotParseNamesTheProperty() {
        assertThatThrownBy(app(App.class, "cedar.http.routes[0].method=GET", "cedar.http.routes[0].path=/lists/{listId",
                "cedar.http.routes[0].action=GetList", "cedar.http.routes[0].resource-type=List",
                "cedar.http.routes[0].resource-id={listId}")::run)
                .hasStackTraceContaining("cedar.http.routes[0] (GET /lists/{listId)");
    }

    @Test
    void anAnnotationNamingAnActionTheSchemaLacksNamesTheMethodAndTheNearestOne(CapturedOutput output) {
        assertThatThrownBy(app(AppWithAMisspeltAnnotation.class)::run)
                .hasStackTraceContaining("@CedarAuthorize on `Lists.get`: the schema has no action `Action::\"GetLsit\"` "
                        + "(did you mean `Action::\"GetList\"`?)");
        assertThat(output.getAll()).contains("The Cedar configuration is not valid");
    }

    @Test
    void validRoutesStart() {
        try (var context = app(App.class, "cedar.http.routes[0].method=GET", "cedar.http.routes[0].path=/lists/{listId}",
                "cedar.http.routes[0].action=GetList", "cedar.http.routes[0].resource-type=List",
                "cedar.http.routes[0].resource-id={listId}").run()) {
            assertThat(context.isRunning()).isTrue();
        }
    }
}
