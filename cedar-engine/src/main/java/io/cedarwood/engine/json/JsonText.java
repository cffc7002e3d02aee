package io.cedarwood.engine.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.cedarwood.engine.value.CedarException;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * JSON text in and out: parsing into {@link Node} trees with locations, writing through a pretty-printing
 * generator, and small helpers for messages. The only place that touches Jackson's parser.
 */
final class JsonText {
    /**
     * The deepest nesting of arrays and objects a document may have. The reference parses JSON with
     * serde_json, whose recursion limit accepts 127 levels and rejects the 128th; we accept exactly the
     * same documents. Keeping the limit this low also bounds every recursive walk over a parsed tree.
     */
    static final int MAX_NESTING_DEPTH = 127;

    /**
     * The deepest nesting we write. Deeper than we read, as in the reference, which writes what serde_json
     * then refuses to read back; the bound keeps the recursive writers far from the end of the stack.
     */
    static final int MAX_WRITE_DEPTH = 1000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            // no shared symbol table of key names: nothing for crafted keys to collide in
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_WRITE_DEPTH).build())
            .build();

    private static final int RENDER_LIMIT = 80;

    private JsonText() {
    }

    /**
     * Parses a whole document. Rejects duplicate keys (with the key's location, which Jackson's own
     * duplicate detection does not give), lone surrogates in strings (serde_json rejects them too) and any
     * content after the first value.
     *
     * @throws JsonFormatException when the text is not one well-formed JSON value
     */
    static Node parse(String json) {
        Objects.requireNonNull(json, "json");
        Deque<Frame> stack = new ArrayDeque<>();
        JsonParser p = null;
        try {
            p = FACTORY.createParser(json);
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new JsonFormatException("the document is empty", Path.ROOT.toString(), 1, 1);
            }
            while (true) {
                JsonLocation loc = p.currentTokenLocation();
                int line = loc.getLineNr();
                int column = loc.getColumnNr();
                Node done = null;
                switch (t) {
                    case START_OBJECT, START_ARRAY ->
                            stack.push(new Frame(pathOfNext(stack), t == JsonToken.START_OBJECT, line, column));
                    case FIELD_NAME -> {
                        Frame f = stack.element();
                        String name = checkSurrogates(p.currentName(), f.path, line, column);
                        if (f.members.containsKey(name)) {
                            throw new JsonFormatException("duplicate key `" + name + "`", f.path.toString(), line, column);
                        }
                        f.pendingKey = new Node.Str(name, line, column);
                    }
                    case END_OBJECT -> {
                        Frame f = stack.pop();
                        done = new Node.Obj(f.members, f.line, f.column);
                    }
                    case END_ARRAY -> {
                        Frame f = stack.pop();
                        done = new Node.Arr(f.elements, f.line, f.column);
                    }
                    case VALUE_STRING -> done = new Node.Str(
                            checkSurrogates(p.getText(), pathOfNext(stack), line, column), line, column);
                    case VALUE_NUMBER_INT -> done = new Node.Num(p.getText(), true, line, column);
                    case VALUE_NUMBER_FLOAT -> done = new Node.Num(p.getText(), false, line, column);
                    case VALUE_TRUE -> done = new Node.Bool(true, line, column);
                    case VALUE_FALSE -> done = new Node.Bool(false, line, column);
                    case VALUE_NULL -> done = new Node.Null(line, column);
                    default -> throw new JsonFormatException("unexpected token `" + t + "`",
                            pathOfNext(stack).toString(), line, column);
                }
                if (done != null) {
                    if (stack.isEmpty()) {
                        JsonToken after = p.nextToken();
                        if (after != null) {
                            JsonLocation l = p.currentTokenLocation();
                            throw new JsonFormatException("unexpected content after the end of the document",
                                    Path.ROOT.toString(), l.getLineNr(), l.getColumnNr());
                        }
                        return done;
                    }
                    Frame f = stack.element();
                    if (f.isObject) {
                        f.members.put(f.pendingKey.value(), new Node.Member(f.pendingKey, done));
                        f.pendingKey = null;
                    } else {
                        f.elements.add(done);
                    }
                }
                t = p.nextToken();
            }
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 1 : Math.max(1, loc.getLineNr());
            int column = loc == null ? 1 : Math.max(1, loc.getColumnNr());
            Path path = pathOfNext(stack);
            Frame top = stack.peek();
            if (top != null && top.isObject && top.pendingKey == null && p.getParsingContext().getCurrentName() != null) {
                // Jackson reads a key and the start of its value in one step, so the key may be known only here
                path = top.path.key(p.getParsingContext().getCurrentName());
            }
            throw new JsonFormatException(describe(e), path.toString(), line, column);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException e) {
                    // closing a parser over a string cannot fail in a way that matters
                }
            }
        }
    }

    /** The path of the value that comes next, given the open containers. */
    private static Path pathOfNext(Deque<Frame> stack) {
        Frame f = stack.peek();
        if (f == null) {
            return Path.ROOT;
        }
        if (f.isObject) {
            return f.pendingKey == null ? f.path : f.path.key(f.pendingKey.value());
        }
        return f.path.index(f.elements.size());
    }

    private static String describe(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            if (original.contains("nesting depth")) {
                return "the document is nested more than " + MAX_NESTING_DEPTH + " levels deep";
            }
            if (original.startsWith("Number value length")) {
                return "a number is written with too many digits";
            }
            if (original.startsWith("String value length") || original.startsWith("Name length")) {
                return "a string is too long";
            }
        }
        if (e instanceof JsonEOFException) {
            return "unexpected end of the document";
        }
        return "invalid JSON: " + tidy(original);
    }

    /** Jackson's message in our style: first line only, lower case start, no trailing period. */
    private static String tidy(String message) {
        String s = message.lines().findFirst().orElse("")
                .replaceAll("\\s*\\(for \\w+ starting at \\[Source:[^\\]]*\\]\\)", "")
                .strip();
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        if (!s.isEmpty() && Character.isUpperCase(s.charAt(0)) && (s.length() == 1 || !Character.isUpperCase(s.charAt(1)))) {
            s = Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
        return s;
    }

    /**
     * For {@link EntityStream}: the same limits, and key names kept in Jackson's symbol table, so that
     * the few keys an entities document repeats ({@code uid}, {@code type}, ...) are not made anew each
     * time. A document whose keys collide in the table beyond Jackson's bound fails there (an
     * {@code IllegalStateException}), and is then read by {@link #parse}, which keeps no table.
     */
    private static final JsonFactory STREAMING = JsonFactory.builder()
            .enable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .enable(JsonFactory.Feature.FAIL_ON_SYMBOL_HASH_OVERFLOW)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
            .build();

    /** A streaming parser over {@code json}, with the same nesting limit as {@link #parse}. */
    static JsonParser parser(String json) throws IOException {
        return STREAMING.createParser(json);
    }

    /** Whether {@code s} is free of lone surrogates, which {@link #parse} rejects. */
    static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String checkSurrogates(String s, Path path, int line, int column) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new JsonFormatException("a string contains the lone surrogate `\\u"
                        + String.format("%04x", (int) c) + "`, which is not a unicode character",
                        path.toString(), line, column);
            }
        }
        return s;
    }

    /** One open array or object while parsing. */
    private static final class Frame {
        final Path path;
        final boolean isObject;
        final int line;
        final int column;
        final Map<String, Node.Member> members = new LinkedHashMap<>();
        final List<Node> elements = new ArrayList<>();
        Node.Str pendingKey;

        Frame(Path path, boolean isObject, int line, int column) {
            this.path = path;
            this.isObject = isObject;
            this.line = line;
            this.column = column;
        }
    }

    /**
     * Writes one JSON document, pretty-printed with two-space indents.
     *
     * @throws CedarException when the document would be nested more than {@link #MAX_WRITE_DEPTH} levels
     */
    static String write(Output body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            g.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
                    .withObjectIndenter(indenter)
                    .withArrayIndenter(indenter));
            body.writeTo(g);
        } catch (StreamConstraintsException e) {
            throw new CedarException("the input is nested more than " + MAX_WRITE_DEPTH
                    + " levels deep, too deep to write as JSON");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Something that writes itself as JSON. */
    @FunctionalInterface
    interface Output {
        void writeTo(JsonGenerator g) throws IOException;
    }

    /** {@code s} as a JSON string literal. */
    static String quote(String s) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + '"';
    }

    /** A short, single-line rendering of {@code node} for messages. */
    static String render(Node node) {
        StringBuilder out = new StringBuilder();
        render(node, out);
        if (out.length() > RENDER_LIMIT) {
            out.setLength(RENDER_LIMIT);
            out.append("...");
        }
        return out.toString();
    }

    private static void render(Node node, StringBuilder out) {
        if (out.length() > RENDER_LIMIT) {
            return;
        }
        if (node instanceof Node.Obj o) {
            out.append('{');
            String sep = "";
            for (Node.Member m : o.members().values()) {
                out.append(sep).append(quote(m.key().value())).append(": ");
                render(m.value(), out);
                sep = ", ";
            }
            out.append('}');
        } else if (node instanceof Node.Arr a) {
            out.append('[');
            String sep = "";
            for (Node e : a.elements()) {
                out.append(sep);
                render(e, out);
                sep = ", ";
            }
            out.append(']');
        } else if (node instanceof Node.Str s) {
            out.append(quote(s.value()));
        } else if (node instanceof Node.Num n) {
            out.append(n.text());
        } else if (node instanceof Node.Bool b) {
            out.append(b.value());
        } else {
            out.append("null");
        }
    }
}
