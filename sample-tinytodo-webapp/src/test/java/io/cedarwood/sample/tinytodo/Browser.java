package io.cedarwood.sample.tinytodo;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A headless Chromium driven by Selenium: Debian's {@code chromium} and {@code chromedriver} (system
 * properties {@code tinytodo.chromium} and {@code tinytodo.chromedriver} point elsewhere), both given to
 * Selenium so that Selenium Manager never runs and nothing is downloaded; a fresh profile each time.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("tinytodo.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("tinytodo.chromedriver", "/usr/bin/chromedriver"));
    /** Quiet: Selenium warns that it has no DevTools support for this Chromium version, which is not used. */
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");
    private static boolean toldSkipped;

    final WebDriver driver;
    private final Path profile;
    private final String base;

    private Browser(WebDriver driver, Path profile, String base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    /**
     * Fails when the environment variable {@code CI} is {@code true} and Chromium or its driver is missing;
     * skips the test otherwise.
     */
    static void requireChromium() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String message = "the browser tests need Chromium at " + CHROMIUM + " and its driver at " + CHROMEDRIVER
                + ": apt-get install -y chromium chromium-driver (on Debian; or set the system properties"
                + " tinytodo.chromium and tinytodo.chromedriver)";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        if (!toldSkipped) {
            toldSkipped = true;
            System.err.println("browser tests skipped: " + message);
        }
        Assumptions.abort(message);
    }

    static Browser open(int port) {
        SELENIUM_LOG.setLevel(Level.SEVERE);
        Path profile;
        try {
            profile = Files.createTempDirectory("tinytodo-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=1280,900",
                "--disable-features=PasswordLeakDetection,Translate", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, profile, "http://127.0.0.1:" + port);
    }

    void go(String path) {
        driver.get(path.startsWith("http") ? path : base + path);
    }

    void logIn(String user) {
        driver.manage().deleteAllCookies();
        go("/login");
        find(By.id("username")).sendKeys(user);
        find(By.id("password")).sendKeys(user);
        find(By.id("login")).click();
        waitFor(By.id("current-user"));
        Assertions.assertEquals(user, find(By.id("current-user")).getText());
    }

    void logOut() {
        find(By.id("logout")).click();
        waitFor(By.id("username"));
    }

    WebElement find(By by) {
        return waitFor(by);
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /**
     * Clicks and waits until the next page has loaded. A mark left on the current page's window tells the
     * pages apart; while the browser is between pages its answers may be errors, which only mean "not yet"
     * (waiting on the old page's element instead races with Chromium discarding it).
     */
    void clickAndWait(WebElement element) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.tinyTodoPageBeforeClick = true");
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(WebDriverException.class)
                .withMessage("no new page loaded after the click")
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "return window.tinyTodoPageBeforeClick === undefined && document.readyState === 'complete'")));
    }

    /** A PNG of the whole page, not just the window's part of it; the window keeps that size. */
    void screenshotOfWholePage(Path file) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        long height = ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
        long frame = ((Number) js.executeScript("return window.outerHeight - window.innerHeight")).longValue();
        driver.manage().window().setSize(new Dimension(1280, (int) (height + frame)));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary folder left behind
            }
        }
    }
}
