package io.cedarwood.sample.tinytodo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TinyTodo in a real browser (headless Chromium): two people, a list created and shared, access that
 * changes with sharing, buttons disabled for what Cedar would deny, and the "Why?" panel explaining
 * denials. Saves a screenshot of a list page to {@code target/tinytodo.png}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class TinyTodoBrowserTest {
    private static Browser browser;

    @LocalServerPort
    int port;

    @BeforeEach
    void openBrowser() {
        Browser.requireChromium();
        if (browser == null) {
            browser = Browser.open(port);
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void twoPeopleShareAListAndWhyExplainsTheDenials() {
        String name = "Picnic " + shortId();

        // kesha creates a list and adds tasks
        browser.logIn("kesha");
        type("new-list-name", name);
        browser.clickAndWait(browser.find(By.id("create-list-button")));
        assertThat(text("list-name")).isEqualTo(name);
        assertThat(text("notice")).contains("Created");
        String listUrl = browser.driver.getCurrentUrl();
        addTask("Bread");
        addTask("Cheese");
        toggle("Bread");
        assertThat(task("Bread").getAttribute("class")).contains("done");
        assertThat(task("Cheese").getAttribute("class")).doesNotContain("done");
        assertThat(text("why-decision")).isEqualTo("ALLOW");
        assertThat(policies()).containsExactly("owner");
        browser.logOut();

        // aaron, an intern, may not create lists, nor see kesha's
        browser.logIn("aaron");
        assertThat(browser.find(By.id("create-list-button")).isEnabled()).isFalse();
        assertThat(text("create-list-locked")).contains("interns-cannot-create-lists");
        assertThat(text("shared-lists")).doesNotContain(name);
        browser.go(listUrl);
        assertThat(text("denied-message")).isEqualTo("You may not see this list.");
        assertThat(text("why-decision")).isEqualTo("DENY");
        assertThat(text("why-action")).isEqualTo("Action::\"GetList\"");
        assertThat(text("why-summary")).isEqualTo(UNSEEN);
        assertThat(policies()).isEmpty();
        // a list that does not exist looks the same
        browser.go("/lists/987654321");
        assertThat(text("denied-message")).isEqualTo("You may not see this list.");
        assertThat(text("why-summary")).isEqualTo(UNSEEN);
        // an address that does not exist is not found, and asks Cedar nothing ("Why?" is unchanged)
        browser.go("/no-such-page");
        assertThat(browser.driver.getTitle()).startsWith("Something went wrong");
        assertThat(browser.driver.getPageSource()).contains("Not found");
        browser.go("/");
        assertThat(text("why-action")).isEqualTo("Action::\"GetList\"");
        browser.logOut();

        // kesha shares it with the temps, interns included, as readers
        browser.logIn("kesha");
        browser.go(listUrl);
        Select shareWho = new Select(browser.find(By.id("share-who")));
        // the owner is not offered her own list
        assertThat(shareWho.getOptions()).extracting(o -> o.getAttribute("value")).contains("user:aaron")
                .doesNotContain("user:kesha");
        shareWho.selectByValue("team:temp");
        new Select(browser.find(By.id("share-role"))).selectByValue("readers");
        browser.clickAndWait(browser.find(By.id("share-button")));
        assertThat(text("notice")).contains("Shared with team temp as a reader");
        assertThat(text("readers")).contains("temp");
        browser.logOut();

        // now aaron sees it, and may read but not change it
        browser.logIn("aaron");
        assertThat(text("shared-lists")).contains(name);
        browser.clickAndWait(browser.find(By.partialLinkText(name)));
        assertThat(text("list-name")).isEqualTo(name);
        assertThat(text("tasks")).contains("Bread", "Cheese");
        assertThat(browser.find(By.id("add-task-button")).isEnabled()).isFalse();
        assertThat(browser.find(By.id("share-button")).isEnabled()).isFalse();
        assertThat(browser.find(By.id("rename-button")).isEnabled()).isFalse();
        assertThat(task("Cheese").findElement(By.className("check")).isEnabled()).isFalse();
        assertThat(may("GetList")).startsWith("✓").contains("readers-and-editors");
        assertThat(may("CreateTask")).startsWith("✗");
        assertThat(may("DeleteList")).startsWith("✗");
        browser.logOut();

        // andrew is an admin and a temp, but works at another site: the location rule forbids it
        browser.logIn("andrew");
        browser.go(listUrl);
        assertThat(text("denied-message")).isEqualTo("You may not see this list.");
        assertThat(text("why-decision")).isEqualTo("DENY");
        // naming the location forbid would tell andrew the list exists: the same answer as for no list
        assertThat(text("why-summary")).isEqualTo(UNSEEN);
        assertThat(policies()).isEmpty();
        browser.logOut();
    }

    @Test
    void aFormSentAfterAccessChangedGetsAFriendlyNotAllowed() {
        Api kesha = Api.anonymous(port).as("kesha");
        long list = kesha.createList("Chores " + shortId());
        kesha.put("/api/lists/" + list + "/shares/editors/users/aaron", null);

        browser.logIn("aaron");
        browser.go("/lists/" + list);
        assertThat(browser.find(By.id("add-task-button")).isEnabled()).isTrue();
        // while the page is open, kesha makes aaron a reader instead
        kesha.delete("/api/lists/" + list + "/shares/editors/users/aaron");
        kesha.put("/api/lists/" + list + "/shares/readers/users/aaron", null);

        type("new-task-name", "Sneaky task");
        browser.clickAndWait(browser.find(By.id("add-task-button")));

        assertThat(browser.driver.getCurrentUrl()).endsWith("/lists/" + list);
        assertThat(text("notice")).contains("You may not add tasks to this list");
        assertThat(text("why-decision")).isEqualTo("DENY");
        assertThat(text("why-action")).isEqualTo("Action::\"CreateTask\"");
        assertThat(text("tasks")).doesNotContain("Sneaky task");
        assertThat(browser.find(By.id("add-task-button")).isEnabled()).isFalse();
        browser.logOut();
    }

    @Test
    void screenshotOfAListPage() {
        Api kesha = Api.anonymous(port).as("kesha");
        long list = kesha.createList("Team offsite");
        String path = "/api/lists/" + list;
        for (String t : List.of("Book the venue", "Send the invitations", "Order lunch", "Plan a hike")) {
            long task = kesha.createTask(list, t);
            if (!t.startsWith("Order") && !t.startsWith("Plan")) {
                kesha.put(path + "/tasks/" + task, Map.of("state", "checked"));
            }
        }
        kesha.put(path + "/shares/editors/users/aaron", null);
        kesha.put(path + "/shares/readers/teams/temp", null);

        // aaron, an editor: he may tick tasks off, not share or delete the list
        browser.logIn("aaron");
        browser.go("/lists/" + list);
        toggle("Order lunch");
        assertThat(text("why-decision")).isEqualTo("ALLOW");
        assertThat(policies()).containsExactly("editors");
        assertThat(browser.find(By.id("delete-list")).isEnabled()).isFalse();

        Path file = Path.of("target", "tinytodo.png");
        browser.screenshotOfWholePage(file);
        assertThat(file).isNotEmptyFile();
        browser.logOut();
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private static void type(String id, String text) {
        WebElement input = browser.find(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private static final String UNSEEN = "Not allowed: you may not see this list, or there is no such list.";

    private static String text(String id) {
        return browser.find(By.id(id)).getText();
    }

    private static void addTask(String name) {
        type("new-task-name", name);
        browser.clickAndWait(browser.find(By.id("add-task-button")));
        task(name);
    }

    private static WebElement task(String name) {
        return browser.find(By.cssSelector("#tasks li[data-task='" + name + "']"));
    }

    private static void toggle(String name) {
        browser.clickAndWait(task(name).findElement(By.className("check")));
    }

    /** The ids of the determining policies in the "Why?" panel. */
    private static List<String> policies() {
        browser.find(By.id("why"));
        return browser.driver.findElements(By.cssSelector("#why .policy")).stream()
                .map(e -> e.getAttribute("data-policy")).toList();
    }

    /** The row of the "What you may do here" table for an action: "✓ GetList readers-and-editors". */
    private static String may(String action) {
        return browser.find(By.cssSelector("#may tr[data-action='" + action + "']")).getText();
    }
}
