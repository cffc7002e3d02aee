package io.cedarwood.engine.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed JSON document that remembers where each value was written, so that readers can say where the
 * input is wrong. Built without recursion by {@link JsonText#parse}; objects never hold duplicate keys.
 */
sealed interface Node permits Node.Obj, Node.Arr, Node.Str, Node.Num, Node.Bool, Node.Null {

    /** The line of the value's first character, counted from 1. */
    int line();

    /** The column of the value's first character, counted from 1. */
    int column();

    /** The kind of value, for messages: {@code an object}, {@code a string}, ... */
    String describe();

    /** A JSON object; {@code members} keeps the written order. */
    record Obj(Map<String, Member> members, int line, int column) implements Node {
        public Obj {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        /** The value of {@code key}, or {@code null}. */
        Node get(String key) {
            Member m = members.get(key);
            return m == null ? null : m.value();
        }

        /** The key as written, with its location, or {@code null}. */
        Str keyNode(String key) {
            Member m = members.get(key);
            return m == null ? null : m.key();
        }

        boolean has(String key) {
            return members.containsKey(key);
        }

        int size() {
            return members.size();
        }

        Set<String> keys() {
            return members.keySet();
        }

        @Override
        public String describe() {
            return "an object";
        }
    }

    /** One {@code "key": value} pair of an object. */
    record Member(Str key, Node value) {
    }

    record Arr(List<Node> elements, int line, int column) implements Node {
        public Arr {
            elements = List.copyOf(elements);
        }

        @Override
        public String describe() {
            return "an array";
        }
    }

    record Str(String value, int line, int column) implements Node {
        @Override
        public String describe() {
            return "a string";
        }
    }

    /** A number as written; {@code integral} when it has neither fraction nor exponent. */
    record Num(String text, boolean integral, int line, int column) implements Node {
        @Override
        public String describe() {
            return "a number";
        }
    }

    record Bool(boolean value, int line, int column) implements Node {
        @Override
        public String describe() {
            return "a boolean";
        }
    }

    record Null(int line, int column) implements Node {
        @Override
        public String describe() {
            return "`null`";
        }
    }
}
