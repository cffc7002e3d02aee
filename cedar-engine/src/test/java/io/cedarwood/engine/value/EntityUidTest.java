package io.cedarwood.engine.value;

import io.cedarwood.engine.parser.PolicyParser;
import io.cedarwood.engine.parser.ParseException;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityUidTest {

    @Test
    void parseReadsTypeAndId() {
        assertThat(PolicyParser.parseEntityUid("User::\"alice\"")).isEqualTo(EntityUid.of("User", "alice"));
        assertThat(PolicyParser.parseEntityUid("Ns::Sub::Action::\"view\"")).isEqualTo(EntityUid.of("Ns::Sub::Action", "view"));
    }

    @Test
    void parseAcceptsSpacesAroundSeparatorsAsThePolicyLanguageDoes() {
        assertThat(PolicyParser.parseEntityUid("Ns :: User :: \"a\"")).isEqualTo(EntityUid.of("Ns::User", "a"));
    }

    @Test
    void parseUnescapesTheId() {
        assertThat(PolicyParser.parseEntityUid("User::\"a\\\"b\\\\c\\u{1F600}\"")).isEqualTo(EntityUid.of("User", "a\"b\\c\uD83D\uDE00"));
        assertThat(PolicyParser.parseEntityUid("List::\"{listId}\"").id()).isEqualTo("{listId}");
    }

    @Test
    void parseRefusesWhatIsNotAUid() {
        for (String bad : new String[] {"", "User", "User::alice", "\"alice\"", "if::\"a\"", "User::\"a\" extra",
                "__cedar::User::\"a\"", "User::\"unterminated"}) {
            assertThatThrownBy(() -> PolicyParser.parseEntityUid(bad)).as(bad).isInstanceOf(ParseException.class);
        }
    }

    @Test
    void parseInvertsToCedarOnGeneratedUids() {
        Random random = new Random(12);
        String[] types = {"User", "Ns::User", "A::B::C", "Action", "x_1"};
        for (int i = 0; i < 2_000; i++) {
            StringBuilder id = new StringBuilder();
            int length = random.nextInt(8);
            for (int j = 0; j < length; j++) {
                // a small pool with the characters that need escapes, and one outside the BMP
                int[] pool = {'a', 'Z', '0', ' ', '"', '\\', '\n', '\t', '\0', '{', '}', ':', 0x00e9, 0x1F600};
                id.appendCodePoint(pool[random.nextInt(pool.length)]);
            }
            EntityUid uid = EntityUid.of(types[random.nextInt(types.length)], id.toString());
            assertThat(PolicyParser.parseEntityUid(uid.toCedar())).as(uid.toCedar()).isEqualTo(uid);
        }
    }
}
