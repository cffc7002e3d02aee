package io.cedarwood.engine.json;

import io.cedarwood.engine.entities.Entity;
import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.SetValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming reader of entities JSON against the tree reader, on generated texts and on texts broken
 * at random: it must read exactly what the tree reader reads, or give up (and then the tree reader gives
 * its answer or its error); it must never accept what the tree reader refuses.
 */
class EntityStreamTest {
    private final Random rnd = new Random(20261203);

    @Test
    void readsWhatTheTreeReaderReadsOrGivesUp() {
        int streamed = 0;
        int refused = 0;
        int texts = 0;
        for (int round = 0; round < 3_000; round++) {
            String text = CedarJson.writeEntities(entities());
            if (round % 4 != 0) {
                text = round % 4 == 3 ? implicit(text) : text;
            } else {
                text = mutate(text);
            }
            texts++;
            List<Entity> tree;
            try {
                tree = EntityJson.read(JsonText.parse(text), ValueReader.DEFAULT);
            } catch (JsonFormatException e) {
                tree = null;
                refused++;
            }
            List<Entity> stream = EntityStream.read(text);
            if (stream != null) {
                streamed++;
                assertThat(tree).as("the tree reader refuses what the stream read: %s", text).isNotNull();
                assertThat(stream).as("read from %s", text).isEqualTo(tree);
            }
        }
        // both paths are exercised: most valid texts are streamed, and many texts are refused
        assertThat(streamed).isGreaterThan(texts / 2);
        assertThat(refused).isGreaterThan(texts / 10);
    }

    @Test
    void theCommonShapesAreStreamedAndTheRestIsLeftToTheTreeReader() {
        String ok = """
                [{"uid": {"type": "User", "id": "a"}, "attrs": {"n": -3, "s": "x", "b": true, "set": [1, 2],
                  "r": {"k": {"__entity": {"id": "b", "type": "User"}}}}, "parents": [{"__entity": {"type": "G", "id": "g"}}],
                  "tags": {"t": "v"}},
                 {"parents": [], "attrs": {}, "uid": {"__entity": {"type": "Action", "id": "view"}}}]""";
        assertThat(EntityStream.read(ok)).isEqualTo(EntityJson.read(JsonText.parse(ok), ValueReader.DEFAULT));
        for (String left : List.of(
                "[{\"uid\": {\"type\": \"User\", \"id\": \"a\"}, \"attrs\": {\"x\": -0}, \"parents\": []}]",
                "[{\"uid\": {\"type\": \"User\", \"id\": \"a\"}, \"attrs\": {\"x\": 1.5}, \"parents\": []}]",
                "[{\"uid\": {\"type\": \"User\", \"id\": \"a\"}, \"attrs\": {\"x\": null}, \"parents\": []}]",
                "[{\"uid\": {\"type\": \"User\", \"id\": \"a\"}, \"attrs\": {\"x\": 9223372036854775808}, \"parents\": []}]",
                "[{\"uid\": {\"type\": \"User\", \"id\": \"a\"}, \"attrs\": {\"x\": 1, \"x\": 2}, \"parents\": []}]",
                "[{\"uid\": {\"type\": \"User\", \"id\": \"a\"}, \"attrs\": {}, \"parents\": [], \"other\": 1}]",
                "[{\"uid\": {\"type\": \"Action\", \"id\": \"a\"}, \"attrs\": {}, \"parents\": [{\"type\": \"User\", \"id\": \"b\"}]}]",
                "[{\"uid\": {\"type\": \"User\", \"id\": \"a\"}, \"attrs\": {\"ip\": {\"__extn\": {\"fn\": \"ip\", \"arg\": \"10.0.0.1\"}}}, \"parents\": []}]",
                "[{\"uid\": {\"type\": \"User\", \"id\": \"a\"}, \"attrs\": {\"s\": \"\\ud800\"}, \"parents\": []}]",
                "[{\"uid\": {\"type\": \"1User\", \"id\": \"a\"}, \"attrs\": {}, \"parents\": []}]",
                "[{\"uid\": {\"type\": \"User\", \"id\": \"a\"}, \"attrs\": {}}]",
                "[{\"uid\": {\"type\": \"User\", \"id\": \"a\"}, \"attrs\": {}, \"parents\": []}] x",
                "{}")) {
            assertThat(EntityStream.read(left)).as(left).isNull();
        }
    }

    // ---- generated entities ----

    private List<Entity> entities() {
        List<Entity> out = new ArrayList<>();
        int n = rnd.nextInt(6);
        for (int i = 0; i < n; i++) {
            boolean action = rnd.nextInt(5) == 0;
            EntityUid uid = EntityUid.of(action ? "Action" : pick(List.of("User", "ns::Doc", "G")), id());
            Set<EntityUid> parents = new LinkedHashSet<>();
            for (int k = rnd.nextInt(3); k > 0; k--) {
                parents.add(EntityUid.of(action ? "Action" : pick(List.of("G", "Folder")), id()));
            }
            out.add(new Entity(uid, record(2), parents, rnd.nextInt(3) == 0 ? record(1) : Map.of()));
        }
        return out;
    }

    private Map<String, Value> record(int depth) {
        Map<String, Value> m = new LinkedHashMap<>();
        for (int k = rnd.nextInt(4); k > 0; k--) {
            m.put(pick(List.of("a", "b", "name", "__x", "é", "")), value(depth));
        }
        return m;
    }

    private Value value(int depth) {
        int kind = rnd.nextInt(depth > 0 ? 7 : 5);
        return switch (kind) {
            case 0 -> BoolValue.of(rnd.nextBoolean());
            case 1 -> LongValue.of(pick(List.of(0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 42L)));
            case 2 -> StringValue.of(pick(List.of("", "x", "a\"b", "\uD83D\uDE00", "tab\t", "\\u0000")));
            case 3 -> EntityUid.of(pick(List.of("User", "G")), id());
            case 4 -> SetValue.of();
            case 5 -> SetValue.of(value(depth - 1), value(depth - 1));
            default -> new RecordValue(record(depth - 1));
        };
    }

    private String id() {
        return pick(List.of("a", "b", "", "x y", "\u00e9"));
    }

    /**
     * Entity escapes written implicitly, {@code {"type", "id"}}: an entity reference for a uid or a parent,
     * a plain record for an attribute value.
     */
    private String implicit(String text) {
        return text.replaceAll("\\{\\s*\"__entity\"\\s*:\\s*(\\{[^{}]*\\})\\s*\\}", "$1");
    }

    private String mutate(String text) {
        StringBuilder sb = new StringBuilder(text);
        for (int k = 1 + rnd.nextInt(2); k > 0 && sb.length() > 0; k--) {
            int at = rnd.nextInt(sb.length());
            switch (rnd.nextInt(4)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, pick(List.of("{", "}", "[", "]", ",", ":", "\"", "-0", "1.5", "null", " ",
                        "\\ud800", "\"id\": \"z\", ", "\"tags\": {}, ", "\"__extn\"", "Action")));
                case 2 -> sb.setCharAt(at, pick(List.of('x', '0', '"', '{', ',')));
                default -> {
                    int end = Math.min(sb.length(), at + 1 + rnd.nextInt(20));
                    sb.insert(end, sb.substring(at, end)); // a copied piece: duplicate keys, stray members
                }
            }
        }
        return sb.toString();
    }

    private <T> T pick(List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }
}
