package io.cedarwood.spring.security.todo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The application does not start with policies that don't validate, and says why. */
@ExtendWith(OutputCaptureExtension.class)
class TodoStartupFailureTest {

    @Test
    void policiesThatDoNotValidateStopTheApplicationWithTheValidatorsMessages(CapturedOutput output) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(TodoApplication.class)
                .profiles("todo")
                .properties("server.port=0", "cedar.policies=classpath:bad/typo.cedar");
        assertThatThrownBy(app::run).hasStackTraceContaining("unrecognized entity type `Usr`");
        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("The Cedar policies could not be loaded: policies do not validate against the schema")
                .contains("for policy `typo`, unrecognized entity type `Usr`");
    }
}
