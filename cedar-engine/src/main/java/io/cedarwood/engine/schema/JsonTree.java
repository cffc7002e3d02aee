package io.cedarwood.engine.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.cedarwood.engine.ast.SourceSpan;
import io.cedarwood.engine.parser.ParseError;
import io.cedarwood.engine.parser.ParseException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON document as a tree that remembers where each value and key was (Jackson's own tree does not),
 * and refuses duplicate keys. Read with Jackson's streaming parser, nesting bounded.
 */
final class JsonTree {
    /** Deep enough for any schema whose types respect {@link SchemaLimits#MAX_TYPE_DEPTH}. */
    static final int MAX_JSON_DEPTH = 2 * SchemaLimits.MAX_TYPE_DEPTH + 16;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build())
            .build();

    private JsonTree() {
    }

    sealed interface Node {
        SourceSpan span();

        /** What kind of JSON value this is, for messages: {@code an object}, {@code a string}, ... */
        String kind();
    }

    record Member(String key, SourceSpan keySpan, Node value) {
    }

    record ObjectNode(Map<String, Member> members, SourceSpan span) implements Node {
        @Override
        public String kind() {
            return "an object";
        }
    }

    record ArrayNode(List<Node> items, SourceSpan span) implements Node {
        @Override
        public String kind() {
            return "an array";
        }
    }

    record StringNode(String value, SourceSpan span) implements Node {
        @Override
        public String kind() {
            return "a string";
        }
    }

    record BooleanNode(boolean value, SourceSpan span) implements Node {
        @Override
        public String kind() {
            return "a boolean";
        }
    }

    record NumberNode(String text, SourceSpan span) implements Node {
        @Override
        public String kind() {
            return "a number";
        }
    }

    record NullNode(SourceSpan span) implements Node {
        @Override
        public String kind() {
            return "null";
        }
    }

    static Node parse(String json) {
        JsonParser p = null;
        try {
            p = FACTORY.createParser(json);
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new ParseException(json, List.of(new ParseError("expected a JSON value, found nothing",
                        new SourceSpan(json.length(), json.length()))));
            }
            Node root = value(p, json);
            if (p.nextToken() != null) {
                int at = offset(p, json, true);
                throw new ParseException(json, List.of(new ParseError("unexpected content after the JSON value",
                        new SourceSpan(at, Math.min(json.length(), at + 1)))));
            }
            return root;
        } catch (StreamConstraintsException e) {
            int at = offset(p, json, true);
            throw new ParseException(json, List.of(new ParseError("JSON is nested too deeply",
                    new SourceSpan(at, Math.min(json.length(), at + 1)),
                    "JSON schemas may nest at most " + MAX_JSON_DEPTH + " deep")));
        } catch (JsonProcessingException e) {
            int at = e.getLocation() == null ? 0 : clamp(e.getLocation().getCharOffset(), json);
            throw new ParseException(json, List.of(new ParseError("invalid JSON: " + firstLine(e.getOriginalMessage()),
                    new SourceSpan(at, at))));
        } catch (IOException e) {
            throw new ParseException(json, List.of(new ParseError("invalid JSON: " + e.getMessage(), null)));
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException ignored) {
                    // reading from a string: nothing to release
                }
            }
        }
    }

    private static Node value(JsonParser p, String json) throws IOException {
        int start = offset(p, json, true);
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Member> members = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyStart = offset(p, json, true);
                    SourceSpan keySpan = new SourceSpan(keyStart, offset(p, json, false));
                    p.nextToken();
                    Node v = value(p, json);
                    if (members.containsKey(key)) {
                        throw new ParseException(json, List.of(new ParseError("duplicate key `" + key + "`", keySpan,
                                "each key may appear only once in a JSON object")));
                    }
                    members.put(key, new Member(key, keySpan, v));
                }
                return new ObjectNode(members, new SourceSpan(start, offset(p, json, false)));
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(p, json));
                }
                return new ArrayNode(items, new SourceSpan(start, offset(p, json, false)));
            }
            case VALUE_STRING -> {
                return new StringNode(p.getText(), new SourceSpan(start, offset(p, json, false)));
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new BooleanNode(t == JsonToken.VALUE_TRUE, new SourceSpan(start, offset(p, json, false)));
            }
            case VALUE_NULL -> {
                return new NullNode(new SourceSpan(start, offset(p, json, false)));
            }
            default -> {
                String text = p.getText();
                return new NumberNode(text, new SourceSpan(start, offset(p, json, false)));
            }
        }
    }

    /** Where the current token starts ({@code start}) or where the parser now is (its end). */
    private static int offset(JsonParser p, String json, boolean start) {
        long at = start ? p.currentTokenLocation().getCharOffset() : p.currentLocation().getCharOffset();
        return clamp(at, json);
    }

    private static int clamp(long at, String json) {
        return (int) Math.max(0, Math.min(json.length(), at));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed input";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        // drop Jackson's pointer to where the enclosing value started: the span says where
        int aside = line.indexOf(" (for ");
        if (aside > 0) {
            line = line.substring(0, aside);
        }
        return line.isEmpty() ? line : Character.toLowerCase(line.charAt(0)) + line.substring(1);
    }
}
