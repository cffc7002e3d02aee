package io.cedarwood.engine.schema;

import io.cedarwood.engine.parser.ParseError;
import io.cedarwood.engine.parser.ParseException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Helpers for schema tests: the errors a schema text is rejected with. */
final class SchemaAssertions {
    private SchemaAssertions() {
    }

    /** The errors rejecting {@code text} in the human format (fails if it is accepted). */
    static List<ParseError> humanErrors(String text) {
        return errors(() -> Schema.parseCedarSchema(text));
    }

    /** The errors rejecting {@code json} (fails if it is accepted). */
    static List<ParseError> jsonErrors(String json) {
        return errors(() -> Schema.parseJson(json));
    }

    /** The messages of the errors rejecting {@code text} in the human format. */
    static List<String> humanMessages(String text) {
        return humanErrors(text).stream().map(ParseError::message).toList();
    }

    /** The messages of the errors rejecting {@code json}. */
    static List<String> jsonMessages(String json) {
        return jsonErrors(json).stream().map(ParseError::message).toList();
    }

    private static List<ParseError> errors(Runnable parse) {
        ParseException[] caught = new ParseException[1];
        assertThatThrownBy(() -> {
            try {
                parse.run();
            } catch (ParseException e) {
                caught[0] = e;
                throw e;
            }
        }).isInstanceOf(ParseException.class);
        return caught[0].errors();
    }

    /** A JSON schema with one namespace {@code ns}: {@code body} is the namespace definition's members. */
    static String json(String ns, String body) {
        return "{\"" + ns + "\": {" + body + "}}";
    }
}
