package io.cedarwood.enforcement;

import io.cedarwood.engine.parser.ParseException;
import io.cedarwood.engine.schema.Schema;
import io.cedarwood.engine.value.EntityType;
import io.cedarwood.engine.value.EntityUid;
import io.cedarwood.engine.value.IpAddrValue;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmallPartsTest {

    @Test
    void clientIpNormalisesWhatContainersReport() {
        assertThat(ClientIp.of("10.0.0.1")).isEqualTo(IpAddrValue.parse("10.0.0.1"));
        assertThat(ClientIp.of("::ffff:10.0.0.1")).isEqualTo(IpAddrValue.parse("10.0.0.1"));
        assertThat(ClientIp.of("[::1]")).isEqualTo(IpAddrValue.parse("::1"));
        assertThat(ClientIp.of("fe80::1%eth0")).isEqualTo(IpAddrValue.parse("fe80::1"));
        assertThat(ClientIp.of("0:0:0:0:0:0:0:1")).isEqualTo(IpAddrValue.parse("::1"));
        for (String bad : new String[] {"", "localhost", "example.com:1.2", "1.2.3", "::g"}) {
            assertThatThrownBy(() -> ClientIp.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void onlyUnambiguousPathsAreAuthorized() {
        assertThat(RequestPaths.unambiguous("/lists/1", "/app/lists/1")).contains("/lists/1");
        assertThat(RequestPaths.unambiguous("", "/app")).contains("/");
        for (String bad : new String[] {"/a;b", "/a\\b", "/a//b", "/a/../b", "/a/./b", "/a\u0000", "lists"}) {
            assertThat(RequestPaths.unambiguous(bad, null)).as(bad).isEmpty();
        }
        for (String raw : new String[] {"/a%2Fb", "/a%5cb", "/a%00", "/a%2541"}) {
            assertThat(RequestPaths.unambiguous("/a", raw)).as(raw).isEmpty();
        }
    }

    @Test
    void uidTemplatesUseTheEnginesParser() {
        UidTemplate t = UidTemplate.parse("Ns::Doc::\"{owner}/\\\"{name}\\\"\"");
        assertThat(t.variables()).containsExactly("owner", "name");
        assertThat(t.resolve(Map.of("owner", "a", "name", "b"))).isEqualTo(EntityUid.of("Ns::Doc", "a/\"b\""));
        assertThat(UidTemplate.parse(t.toString())).isEqualTo(t);
        assertThatThrownBy(() -> UidTemplate.parse("if::\"{x}\"")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> UidTemplate.parse("Doc::\"{x\"")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> t.resolve(Map.of("owner", "a"))).hasMessageContaining("`{name}`");
    }

    @Test
    void actionsAreIdsOrFullUids() {
        assertThat(CedarNames.action("Action", "view")).isEqualTo(EntityUid.of("Action", "view"));
        assertThat(CedarNames.action("Action", "Ns::Action::\"view\"")).isEqualTo(EntityUid.of("Ns::Action", "view"));
        assertThatThrownBy(() -> CedarNames.action("if", "view")).isInstanceOf(ParseException.class);
    }

    @Test
    void routeTablesMatchInOrderWithThePatternsGiven() {
        RouteTable routes = RouteTable.parse("""
                # comment
                GET  /lists/{listId}   Action::"GetList"  List::"{listId}"
                *    /files/{*rest}    Action::"Read"     File::"{rest}"
                GET  /lists/{other}    Action::"Never"    List::"{other}"
                """, PathPatterns.segments());
        assertThat(routes.resolve("GET", "/lists/7")).hasValueSatisfying(t -> {
            assertThat(t.action()).isEqualTo(EntityUid.of("Action", "GetList"));
            assertThat(t.resource()).isEqualTo(EntityUid.of("List", "7"));
            assertThat(t.route()).isEqualTo("GET /lists/{listId}");
        });
        assertThat(routes.resolve("post", "/files/a/b")).map(Target::resource).contains(EntityUid.of("File", "a/b"));
        assertThat(routes.resolve("GET", "/lists/7/")).isEmpty();
        assertThat(routes.resolve("GET", "/LISTS/7")).isEmpty();
        assertThat(routes.resolve("GET", "/lists/")).isEmpty();
        assertThat(routes.resolve("DELETE", "/lists/7")).isEmpty();
    }

    @Test
    void aRouteFileErrorNamesTheLine() {
        assertThatThrownBy(() -> RouteTable.parse("\nGET /a/{x} Action::\"A\" List::\"{y}\"", PathPatterns.segments()))
                .hasMessageContaining("line 2").hasMessageContaining("`{y}`");
        assertThatThrownBy(() -> RouteTable.parse("GET /a Action::\"A\"", PathPatterns.segments()))
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> RouteTable.parse("GET /a Action::A List::\"1\"", PathPatterns.segments()))
                .hasMessageContaining("line 1");
    }

    @Test
    void aPluggedPatternSyntaxIsUsed() {
        PathPatterns exact = pattern -> new PathPattern() {
            @Override
            public Map<String, String> match(String path) {
                return path.equalsIgnoreCase(pattern) ? Map.of() : null;
            }

            @Override
            public java.util.Set<String> variables() {
                return java.util.Set.of();
            }
        };
        RouteTable routes = RouteTable.builder(exact).route("*", "/Home", EntityUid.of("Action", "Home"),
                UidTemplate.parse("Page::\"home\"")).build();
        assertThat(routes.resolve("GET", "/HOME")).isPresent();
    }

    @Test
    void schemaChecksNameTheNearestValidName() {
        Schema schema = Schema.parseCedarSchema("""
                entity User; entity List; entity Team;
                action GetList appliesTo { principal: User, resource: List };
                action CreateList appliesTo { principal: User, resource: Team };
                """);
        assertThat(SchemaCheck.check(schema, "route `GET /lists/{id}`", EntityUid.of("Action", "GetLists"),
                EntityType.of("List"), null)).containsExactly(
                "route `GET /lists/{id}`: the schema has no action `Action::\"GetLists\"` (did you mean `Action::\"GetList\"`?)");
        assertThat(SchemaCheck.check(schema, "m", EntityUid.of("Action", "GetList"), EntityType.of("Lists"), null))
                .singleElement().asString().contains("no entity type `Lists`").contains("`List`");
        assertThat(SchemaCheck.check(schema, "m", EntityUid.of("Action", "GetList"), EntityType.of("Team"), null))
                .singleElement().asString().contains("does not apply to resources of type `Team`");
        assertThat(SchemaCheck.check(schema, "m", EntityUid.of("Action", "GetList"), EntityType.of("List"),
                EntityType.of("Team"))).singleElement().asString().contains("principals of type `Team`");
        assertThat(SchemaCheck.check(schema, "m", EntityUid.of("Action", "GetList"), EntityType.of("List"),
                EntityType.of("User"))).isEmpty();
    }
}
