package io.cedarwood.enforcement;

import io.cedarwood.engine.value.BoolValue;
import io.cedarwood.engine.value.LongValue;
import io.cedarwood.engine.value.RecordValue;
import io.cedarwood.engine.value.SetValue;
import io.cedarwood.engine.value.StringValue;
import io.cedarwood.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CedarValuesTest {
    @Test
    void scalarsCollectionsAndMapsBecomeCedarValues() {
        assertThat(CedarValues.of(true)).isEqualTo(BoolValue.of(true));
        assertThat(CedarValues.of(7)).isEqualTo(LongValue.of(7));
        assertThat(CedarValues.of((byte) -3)).isEqualTo(LongValue.of(-3));
        assertThat(CedarValues.of(Long.MAX_VALUE)).isEqualTo(LongValue.of(Long.MAX_VALUE));
        assertThat(CedarValues.of("kesha")).isEqualTo(StringValue.of("kesha"));
        assertThat(CedarValues.of(1.5)).isEqualTo(StringValue.of("1.5"));
        assertThat(CedarValues.of(StringValue.of("x"))).isEqualTo(StringValue.of("x"));
        assertThat(CedarValues.of(Arrays.asList("a", null, 2)))
                .isEqualTo(SetValue.of(StringValue.of("a"), LongValue.of(2)));
        Map<Object, Object> claims = new LinkedHashMap<>();
        claims.put("roles", List.of("admin"));
        claims.put("gone", null);
        claims.put(3, false);
        assertThat(CedarValues.of(claims)).isEqualTo(RecordValue.of(Map.of(
                "roles", SetValue.of(StringValue.of("admin")), "3", BoolValue.of(false))));
    }

    @Test
    void aCollectionThatContainsItselfIsRefused() {
        List<Object> list = new ArrayList<>();
        list.add(list);
        assertThatThrownBy(() -> CedarValues.of(list)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contains itself");
        Map<String, Object> map = new HashMap<>();
        map.put("me", List.of(map));
        assertThatThrownBy(() -> CedarValues.of(map)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contains itself");
    }

    @Test
    void nestingAndSizeAreBounded() {
        Object deep = "leaf";
        for (int i = 0; i < Value.MAX_DEPTH + 1; i++) {
            deep = List.of(deep);
        }
        Object tooDeep = deep;
        assertThatThrownBy(() -> CedarValues.of(tooDeep)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nest more than " + Value.MAX_DEPTH);
        // each level refers to the one below twice: 2^400 paths, refused once it passes the count
        Object shared = "leaf";
        for (int i = 0; i < 400; i++) {
            shared = Arrays.asList(shared, shared);
        }
        Object wide = shared;
        assertThatThrownBy(() -> CedarValues.of(wide)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than " + CedarValues.MAX_ELEMENTS);
        Object fits = "leaf";
        for (int i = 0; i < 15; i++) {
            fits = Arrays.asList(fits, List.of(fits));
        }
        assertThat(CedarValues.of(fits)).isInstanceOf(SetValue.class);
    }
}
