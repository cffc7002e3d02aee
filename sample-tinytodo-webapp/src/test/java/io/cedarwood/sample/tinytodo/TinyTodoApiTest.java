package io.cedarwood.sample.tinytodo;

import io.cedarwood.sample.tinytodo.Api.Reply;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TinyTodo's scenarios through the JSON API, over real HTTP against the application on a random port:
 * what owners, readers, editors, interns and admins may do, the location rule, sharing, and 401 vs 403.
 * Every test makes its own lists, so the tests share one application and database.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class TinyTodoApiTest {

    @LocalServerPort
    int port;

    Api anonymous;
    Api kesha;
    Api aaron;
    Api emina;
    Api andrew;

    @BeforeEach
    void clients() {
        anonymous = Api.anonymous(port);
        kesha = anonymous.as("kesha");
        aaron = anonymous.as("aaron");
        emina = anonymous.as("emina");
        andrew = anonymous.as("andrew");
    }

    @Test
    void withoutLoggingInTheApiAnswers401WithABasicChallenge() {
        Reply r = anonymous.get("/api/lists");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.raw().headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"TinyTodo\"");
        assertThat(r.body().get("error").asString()).isEqualTo("unauthenticated");
        assertThat(anonymous.post("/api/lists", Map.of("name", "x")).status()).isEqualTo(401);
    }

    @Test
    void pagesSendStrangersToTheLoginPageInstead() {
        Reply r = anonymous.get("/");

        assertThat(r.status()).isEqualTo(302);
        assertThat(r.raw().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void aWrongPasswordIs401() {
        assertThat(anonymous.as("kesha", "not-her-password").get("/api/lists").status()).isEqualTo(401);
        assertThat(anonymous.as("nobody", "nobody").get("/api/lists").status()).isEqualTo(401);
    }

    @Test
    void aDenialIs403WithCedarsDecision() {
        long list = kesha.createList("Kesha's secrets");

        Reply r = aaron.get("/api/lists/" + list);

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body().get("error").asString()).isEqualTo("forbidden");
        JsonNode decision = r.body().get("decision");
        assertThat(decision.get("decision").asString()).isEqualTo("DENY");
        assertThat(decision.get("principal").asString()).isEqualTo("User::\"aaron\"");
        assertThat(decision.get("action").asString()).isEqualTo("GetList");
        assertThat(decision.get("resource").asString()).isEqualTo("List::\"" + list + "\"");
        assertThat(decision.get("policies")).isEmpty();
        assertThat(decision.get("errors")).isEmpty();
    }

    @Test
    void theOwnerCanDoEverythingWithTheirList() {
        long list = kesha.createList("Groceries");
        String path = "/api/lists/" + list;

        long milk = kesha.createTask(list, "Milk");
        long bread = kesha.createTask(list, "Bread");
        assertThat(kesha.put(path + "/tasks/" + milk, Map.of("state", "checked")).body().get("state").asString())
                .isEqualTo("checked");
        assertThat(kesha.put(path + "/tasks/" + bread, Map.of("name", "Rye bread")).status()).isEqualTo(200);
        assertThat(kesha.delete(path + "/tasks/" + bread).status()).isEqualTo(204);
        assertThat(kesha.put(path, Map.of("name", "Weekly groceries")).status()).isEqualTo(200);
        assertThat(kesha.put(path + "/shares/editors/users/aaron", null).status()).isEqualTo(204);

        JsonNode got = kesha.get(path).body();
        assertThat(got.get("name").asString()).isEqualTo("Weekly groceries");
        assertThat(got.get("owner").asString()).isEqualTo("kesha");
        assertThat(names(got.get("tasks"))).containsExactly("Milk");
        assertThat(got.get("tasks").get(0).get("state").asString()).isEqualTo("checked");
        assertThat(texts(got.get("editors").get("users"))).containsExactly("aaron");

        assertThat(kesha.delete(path + "/shares/editors/users/aaron").status()).isEqualTo(204);
        assertThat(kesha.delete(path).status()).isEqualTo(204);
        assertThat(listIds(kesha)).doesNotContain(list);
    }

    @Test
    void readersCanOnlyRead() {
        long list = kesha.createList("Reading list");
        long task = kesha.createTask(list, "Dune");
        String path = "/api/lists/" + list;
        assertThat(kesha.put(path + "/shares/readers/users/aaron", null).status()).isEqualTo(204);

        assertThat(aaron.get(path).status()).isEqualTo(200);
        assertThat(listIds(aaron)).contains(list);
        assertThat(aaron.put(path, Map.of("name", "Mine now")).status()).isEqualTo(403);
        assertThat(aaron.post(path + "/tasks", Map.of("name", "More")).status()).isEqualTo(403);
        assertThat(aaron.put(path + "/tasks/" + task, Map.of("state", "checked")).status()).isEqualTo(403);
        assertThat(aaron.delete(path + "/tasks/" + task).status()).isEqualTo(403);
        assertThat(aaron.put(path + "/shares/readers/users/andrew", null).status()).isEqualTo(403);
        assertThat(aaron.delete(path).status()).isEqualTo(403);

        assertThat(names(kesha.get(path).body().get("tasks"))).containsExactly("Dune");
    }

    @Test
    void editorsCanUpdateTheListAndItsTasksButNotShareOrDeleteIt() {
        long list = kesha.createList("Offsite");
        long task = kesha.createTask(list, "Book a room");
        String path = "/api/lists/" + list;
        assertThat(kesha.put(path + "/shares/editors/users/aaron", null).status()).isEqualTo(204);

        assertThat(aaron.get(path).status()).isEqualTo(200);
        assertThat(aaron.put(path, Map.of("name", "Team offsite")).status()).isEqualTo(200);
        long added = aaron.createTask(list, "Order lunch");
        assertThat(aaron.put(path + "/tasks/" + task, Map.of("state", "checked")).status()).isEqualTo(200);
        assertThat(aaron.delete(path + "/tasks/" + added).status()).isEqualTo(204);

        assertThat(aaron.put(path + "/shares/readers/teams/temp", null).status()).isEqualTo(403);
        assertThat(aaron.delete(path).status()).isEqualTo(403);

        JsonNode got = kesha.get(path).body();
        assertThat(got.get("name").asString()).isEqualTo("Team offsite");
        assertThat(got.get("tasks").get(0).get("state").asString()).isEqualTo("checked");
    }

    @Test
    void internsCannotCreateLists() {
        Reply r = aaron.post("/api/lists", Map.of("name", "Intern plans"));

        assertThat(r.status()).isEqualTo(403);
        JsonNode decision = r.body().get("decision");
        assertThat(decision.get("action").asString()).isEqualTo("CreateList");
        assertThat(policyIds(decision)).containsExactly("interns-cannot-create-lists");
        assertThat(decision.get("policies").get(0).get("effect").asString()).isEqualTo("forbid");
        assertThat(decision.get("policies").get(0).get("description").asString()).isNotBlank();
        // the policy's text is the application's to show (its pages do), not the API's
        assertThat(decision.get("policies").get(0).has("text")).isFalse();
        // a temp who is not an intern may
        assertThat(kesha.post("/api/lists", Map.of("name", "Temp plans")).status()).isEqualTo(201);
    }

    @Test
    void adminsCanDoEverythingToAnyList() {
        long list = kesha.createList("Kesha's private list");
        long task = kesha.createTask(list, "Private task");
        String path = "/api/lists/" + list;

        assertThat(listIds(emina)).contains(list);
        Reply got = emina.get(path);
        assertThat(got.status()).isEqualTo(200);
        assertThat(emina.put(path, Map.of("name", "Audited")).status()).isEqualTo(200);
        assertThat(emina.put(path + "/tasks/" + task, Map.of("state", "checked")).status()).isEqualTo(200);
        emina.createTask(list, "Admin task");
        assertThat(emina.put(path + "/shares/readers/teams/admin", null).status()).isEqualTo(204);
        assertThat(emina.delete(path).status()).isEqualTo(204);
        assertThat(kesha.get(path).status()).isEqualTo(403);
    }

    @Test
    void theLocationRuleKeepsPeopleOutOfListsOfOtherSitesEvenAdminsAndEditors() {
        long list = kesha.createList("ABC17 list");
        String path = "/api/lists/" + list;
        // andrew is an admin and a temp, but works at XYZ77 and is not senior
        assertThat(kesha.put(path + "/shares/editors/users/andrew", null).status()).isEqualTo(204);

        Reply r = andrew.get(path);
        assertThat(r.status()).isEqualTo(403);
        // the location forbid decides it, but naming it would tell andrew that the list exists
        assertThat(policyIds(r.body().get("decision"))).isEmpty();
        assertThat(r.body().get("decision").get("summary").asString())
                .isEqualTo("Not allowed: you may not see this list, or there is no such list.");
        assertThat(andrew.post(path + "/tasks", Map.of("name", "x")).status()).isEqualTo(403);
        assertThat(listIds(andrew)).doesNotContain(list);

        // in his own list, at his own site, he may do anything
        long own = andrew.createList("XYZ77 list");
        assertThat(andrew.get("/api/lists/" + own).status()).isEqualTo(200);
        // kesha, at ABC17, may not see it even when it is shared with her...
        assertThat(andrew.put("/api/lists/" + own + "/shares/readers/users/kesha", null).status()).isEqualTo(204);
        assertThat(kesha.get("/api/lists/" + own).status()).isEqualTo(403);
        // ...but emina, senior and at a DEF site, may
        assertThat(emina.get("/api/lists/" + own).status()).isEqualTo(200);
    }

    @Test
    void sharingWithATeamGivesItsMembersAndItsSubteamsAccessAndUnsharingTakesItBack() {
        long list = kesha.createList("Shared with temps");
        String path = "/api/lists/" + list;
        assertThat(aaron.get(path).status()).isEqualTo(403);
        assertThat(listIds(aaron)).doesNotContain(list);

        // aaron is an intern, and interns are temps
        assertThat(kesha.put(path + "/shares/readers/teams/temp", null).status()).isEqualTo(204);
        Reply r = aaron.get(path);
        assertThat(r.status()).isEqualTo(200);
        assertThat(texts(r.body().get("readers").get("teams"))).containsExactly("temp");
        assertThat(listIds(aaron)).contains(list);
        assertThat(aaron.post(path + "/tasks", Map.of("name", "x")).status()).isEqualTo(403);

        // as editors now
        assertThat(kesha.delete(path + "/shares/readers/teams/temp").status()).isEqualTo(204);
        assertThat(kesha.put(path + "/shares/editors/teams/interns", null).status()).isEqualTo(204);
        assertThat(aaron.post(path + "/tasks", Map.of("name", "From an intern")).status()).isEqualTo(201);

        assertThat(kesha.delete(path + "/shares/editors/teams/interns").status()).isEqualTo(204);
        assertThat(aaron.get(path).status()).isEqualTo(403);
        assertThat(listIds(aaron)).doesNotContain(list);
    }

    @Test
    void aTaskIsOnlyReachedThroughItsOwnList() {
        long open = kesha.createList("Open list");
        long closed = kesha.createList("Closed list");
        long secret = kesha.createTask(closed, "Secret task");
        assertThat(kesha.put("/api/lists/" + open + "/shares/editors/users/aaron", null).status()).isEqualTo(204);

        // Cedar allows UpdateTask on the open list, but the task is not one of its tasks
        Reply r = aaron.put("/api/lists/" + open + "/tasks/" + secret, Map.of("state", "checked"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(aaron.delete("/api/lists/" + open + "/tasks/" + secret).status()).isEqualTo(404);
        assertThat(kesha.get("/api/lists/" + closed).body().get("tasks").get(0).get("state").asString())
                .isEqualTo("unchecked");
    }

    @Test
    void aListThatDoesNotExistIsDeniedEvenToAdmins() {
        // Cedar cannot see an entity that is not there, so no policy permits anything on it
        assertThat(emina.get("/api/lists/987654").status()).isEqualTo(403);
        assertThat(kesha.delete("/api/lists/987654").status()).isEqualTo(403);
    }

    @Test
    void aListThatDoesNotExistAndOneYouMayNotSeeAnswerTheSame() {
        long list = kesha.createList("Kesha's secrets");
        long missing = list + 1_000_000;
        // andrew is kept out by a forbid (location), aaron by the absence of a permit; a missing list makes
        // policies fail (its owner does not exist): none of it may show
        for (Api who : List.of(aaron, andrew)) {
            for (String suffix : List.of("", "/tasks")) {
                Reply existing = suffix.isEmpty() ? who.get("/api/lists/" + list) : who.post("/api/lists/" + list + suffix, Map.of("name", "x"));
                Reply absent = suffix.isEmpty() ? who.get("/api/lists/" + missing) : who.post("/api/lists/" + missing + suffix, Map.of("name", "x"));
                assertThat(existing.status()).isEqualTo(403);
                assertThat(absent.status()).isEqualTo(403);
                assertThat(existing.body().toString().replace("List::\\\"" + list + "\\\"", "LIST"))
                        .isEqualTo(absent.body().toString().replace("List::\\\"" + missing + "\\\"", "LIST"));
            }
        }
        assertThat(emina.get("/api/lists/" + missing).body().toString()).doesNotContain("does not exist");
    }

    @Test
    void aDenialOfWhatYouMaySeeNamesThePolicyButNotItsText() {
        long list = kesha.createList("Shared to read");
        kesha.put("/api/lists/" + list + "/shares/readers/users/aaron", null);

        Reply r = aaron.delete("/api/lists/" + list);

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body().get("decision").get("summary").asString()).startsWith("Not allowed: no policy permits it");
        r = aaron.post("/api/lists", Map.of("name", "mine"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(policyIds(r.body().get("decision"))).containsExactly("interns-cannot-create-lists");
        assertThat(r.body().get("decision").get("policies").get(0).has("text")).isFalse();
        assertThat(r.body().toString()).doesNotContain("forbid(");
    }

    @Test
    void aListIdIsOnlyItsCanonicalSpelling() {
        long list = kesha.createList("One spelling");
        assertThat(kesha.get("/api/lists/" + list).status()).isEqualTo(200);
        String arabicIndic = Long.toString(list).chars().mapToObj(c -> String.valueOf((char) ('\u0660' + c - '0')))
                .reduce("", String::concat);
        for (String spelling : List.of("0" + list, "0000" + list, "%2B" + list,
                java.net.URLEncoder.encode(arabicIndic, java.nio.charset.StandardCharsets.UTF_8))) {
            assertThat(kesha.get("/api/lists/" + spelling).status()).as(spelling).isEqualTo(403);
            assertThat(kesha.delete("/api/lists/" + spelling).status()).as(spelling).isEqualTo(403);
        }
        assertThat(kesha.get("/api/lists/" + list).status()).isEqualTo(200);
    }

    @Test
    void anUnknownAddressIs404AndAnUnsupportedMethod405WithoutAskingCedar() {
        Reply unknown = kesha.get("/api/nothing-here");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("error").asString()).isEqualTo("not found");
        assertThat(unknown.body().get("message").asString()).contains("/api/nothing-here");
        assertThat(anonymous.get("/api/nothing-here").status()).isEqualTo(404);

        long list = kesha.createList("Methods");
        Reply patch = kesha.send("PATCH", "/api/lists/" + list, "application/json", "{}");
        assertThat(patch.status()).isEqualTo(405);
        assertThat(patch.body().get("error").asString()).isEqualTo("method not allowed");
        assertThat(patch.raw().headers().firstValue("Allow").orElse("")).contains("GET", "PUT", "DELETE");

        assertThat(kesha.send("GET", "/favicon.ico", null, null).status()).isEqualTo(404);
    }

    @Test
    void badBodiesAre400And415WithTheDocumentedBody() {
        Reply notJson = kesha.send("POST", "/api/lists", "application/json", "{not json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body().get("error").asString()).isEqualTo("bad request");
        assertThat(notJson.body().has("message")).isTrue();

        Reply text = kesha.send("POST", "/api/lists", "text/plain", "a list");
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.body().get("error").asString()).isEqualTo("unsupported media type");
        assertThat(text.body().get("message").asString()).contains("application/json");
    }

    @Test
    void shareRolesHaveOneName() {
        long list = kesha.createList("Roles");
        assertThat(kesha.put("/api/lists/" + list + "/shares/readers/users/aaron", null).status()).isEqualTo(204);
        Reply singular = kesha.put("/api/lists/" + list + "/shares/reader/users/aaron", null);
        assertThat(singular.status()).isEqualTo(400);
        assertThat(singular.body().get("message").asString()).isEqualTo("the role is `readers` or `editors`, not `reader`");
    }

    @Test
    void badInputIs400AndSharingWithNobodyIs404() {
        long list = kesha.createList("Validated");
        String path = "/api/lists/" + list;

        Reply blank = kesha.post(path + "/tasks", Map.of("name", "  "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body().get("message").asString()).isEqualTo("a task needs a name");
        long task = kesha.createTask(list, "Valid");
        assertThat(kesha.put(path + "/tasks/" + task, Map.of("state", "done")).status()).isEqualTo(400);
        assertThat(kesha.put(path + "/shares/owners/users/aaron", null).status()).isEqualTo(400);
        assertThat(kesha.put(path + "/shares/readers/users/nobody", null).status()).isEqualTo(404);
        // a list's own team is not a team to share with
        assertThat(kesha.put(path + "/shares/readers/teams/list-" + list + "-editors", null).status())
                .isEqualTo(404);
    }

    private static List<Long> listIds(Api api) {
        Reply r = api.get("/api/lists");
        assertThat(r.status()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        r.body().forEach(l -> ids.add(l.get("id").asLong()));
        return ids;
    }

    private static List<String> names(JsonNode tasks) {
        List<String> names = new ArrayList<>();
        tasks.forEach(t -> names.add(t.get("name").asString()));
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asString()));
        return texts;
    }

    private static List<String> policyIds(JsonNode decision) {
        List<String> ids = new ArrayList<>();
        decision.get("policies").forEach(p -> ids.add(p.get("id").asString()));
        return ids;
    }
}
