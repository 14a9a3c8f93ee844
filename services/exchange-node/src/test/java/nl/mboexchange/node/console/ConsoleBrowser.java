package nl.mboexchange.node.console;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.mboexchange.node.support.RunningNode;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver, both given by path so that nothing is downloaded.
 * Without them the browser tests are skipped with a message, except in CI ({@code CI=true}), where they fail.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** How long a page may take to show what the test waits for: the other school's node included. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final String AXE = resource("/axe.min.js");

    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;

    private ConsoleBrowser(ChromeDriver driver, Path profile, Path screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.screenshots = screenshots;
    }

    /** Starts the browser, or skips the test (fails it in CI) when Chromium or chromedriver is not installed. */
    static ConsoleBrowser start(Path screenshots) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = "the console's browser test needs Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                + CHROMEDRIVER + "): apt-get install chromium chromium-driver";
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(missing);
        }
        assumeTrue(installed, missing);
        try {
            Path profile = Files.createTempDirectory("console-chromium-");
            Files.createDirectories(screenshots);
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--user-data-dir=" + profile,
                    "--window-size=1280,900");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(PATIENCE);
            return new ConsoleBrowser(driver, profile, screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a page of the node; signs in first when the node asks for it. */
    void open(RunningNode node, String path) {
        driver.get(node.url(path));
        if (driver.getCurrentUrl().endsWith("/login")) {
            signIn(RunningNode.REGISTRAR, RunningNode.PASSWORD);
            driver.get(node.url(path));
        }
    }

    void signIn(String username, String password) {
        type(By.id("login-username"), username);
        type(By.id("login-password"), password);
        driver.findElement(By.cssSelector("#login button[type=submit]")).click();
    }

    /** Replaces the text of a field, as a registrar would by selecting all and typing. */
    void type(By field, String text) {
        WebElement element = driver.findElement(field);
        element.clear();
        element.sendKeys(text);
    }

    /** Types into the fields of a form, by their names. */
    void fill(String form, Map<String, String> fields) {
        fields.forEach((name, text) -> type(By.id(form + "-" + name), text));
    }

    void submit(String form) {
        click(By.cssSelector("#" + form + " button[type=submit]"));
    }

    WebElement find(By what) {
        return driver.findElement(what);
    }

    List<WebElement> all(By what) {
        return driver.findElements(what);
    }

    /** Clicks the element; finds it again when htmx replaced it in between. */
    void click(By what) {
        await(d -> {
            d.findElement(what).click();
            return true;
        });
    }

    /** The text of the element; read again when htmx replaced the element while it was being read. */
    String text(By what) {
        return await(d -> d.findElement(what).getText());
    }

    /** The texts of every element that matches, read as {@link #text} does. */
    List<String> texts(By what) {
        return await(d -> d.findElements(what).stream().map(WebElement::getText).toList());
    }

    /**
     * Waits, without reloading the page, until the condition holds (is true, or not {@code null}). htmx replaces
     * the changing part of a page every two seconds, so an element found may be gone when it is read: the
     * condition is then tried again.
     */
    <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE)
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** Waits until the element exists and its text contains the given text. */
    void awaitText(By what, String text) {
        await(d -> d.findElements(what).stream().anyMatch(e -> e.getText().contains(text)));
    }

    /**
     * What axe-core finds on the page against WCAG 2.1 A and AA: one line per rule broken, with the elements that
     * break it. Automated checks find only part of what WCAG asks (not, say, whether a text is clear), but what they
     * find is certain.
     */
    List<String> accessibilityViolations() {
        driver.executeScript(AXE);
        Object violations = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
                  .then(result => done(result.violations.map(v => v.id + ": " + v.help + " at "
                      + v.nodes.map(n => n.target.join(" ")).join(", "))))
                  .catch(error => done(["axe-core could not run: " + error]));
                """);
        return ((List<?>) violations).stream().map(String::valueOf).toList();
    }

    /** Saves the whole page as a PNG, as tall as its content, through the browser's own DevTools command. */
    @SuppressWarnings("unchecked")
    Path screenshot(String name) {
        Map<String, Object> layout = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Number> content = (Map<String, Number>) layout.get("cssContentSize");
        Map<String, Object> clip =
                Map.of("x", 0, "y", 0, "width", content.get("width"), "height", content.get("height"), "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Path file = screenshots.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (var in = ConsoleBrowser.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A profile left in the temporary directory harms nothing.
        }
    }
}
