package io.convlist.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.convlist.store.ConversationStore;
import io.convlist.testkit.DynamoDbTestResource;
import io.convlist.testkit.LocalFunctions;
import io.convlist.testkit.MutableClock;
import io.convlist.testkit.StreamTail;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * End to end in a real headless Chromium (Debian's chromium and chromium-driver): an operator signs
 * in, makes an app flagship with limit 300, messages go through the functions, and the operator sees
 * the user's list and its size against the limit, then the app's usage, counted from the table's stream. Screenshots
 * land in target/screenshots/ (the README's are copied from there into docs/screenshots/).
 */
@QuarkusTest
@QuarkusTestResource(DynamoDbTestResource.class)
class ConsoleBrowserTest {
    @Inject
    MutableClock clock;

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/")
    URL console;

    @ConfigProperty(name = "convlist.table")
    String table;

    @ConfigProperty(name = "convlist.dynamodb.endpoint")
    String endpoint;

    @Inject
    DynamoDbClient ddb;

    @Inject
    ConversationStore conversations;

    static WebDriver chromium() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the browser test needs Debian's chromium and chromium-driver: apt-get install chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900", "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /** Clicks return before the next page has loaded: wait for it. */
    static void waitForPath(WebDriver driver, String path) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*" + Pattern.quote(path) + "$"));
    }

    static void screenshot(WebDriver driver, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void operator_makesAppFlagship300_andSeesAUsersListFedThroughTheFunctions() throws Exception {
        String app = "shop" + UUID.randomUUID().toString().substring(0, 6);
        String base = console.toString().replaceAll("/$", "");
        WebDriver driver = chromium();
        try (LocalFunctions functions = LocalFunctions.start(Path.of("..", "..").toAbsolutePath().normalize(), endpoint, table);
                StreamTail stream = StreamTail.startingNow(ddb, URI.create(endpoint), table)) {
            driver.get(base + "/login");
            driver.findElement(By.name("username")).sendKeys("admin");
            driver.findElement(By.name("password")).sendKeys("admin-pass");
            screenshot(driver, "1-sign-in.png");
            driver.findElement(By.cssSelector("button[type=submit]")).click();
            waitForPath(driver, "/apps");

            driver.findElement(By.name("appId")).sendKeys(app);
            driver.findElement(By.name("name")).sendKeys("Web shop");
            new Select(driver.findElement(By.name("edition"))).selectByValue("FLAGSHIP");
            driver.findElement(By.xpath("//button[text()='Create']")).click();
            waitForPath(driver, "/apps/" + app);

            var limit = driver.findElement(By.name("conversationLimit"));
            limit.clear();
            limit.sendKeys("300");
            driver.findElement(By.xpath("//button[text()='Save']")).click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("limit"), "300"));
            assertThat(driver.findElement(By.id("limit")).getText()).isEqualTo("300");
            assertThat(driver.findElement(By.id("edition")).getText()).isEqualTo("FLAGSHIP");
            screenshot(driver, "2-app-settings.png");

            long t = clock.millis() - 60_000;
            String token = functions.serviceToken(app);
            for (int i = 1; i <= 3; i++) {
                String json = "{\"type\":\"C2C\",\"msgID\":\"m" + i + "\",\"seq\":1,\"timestamp\":" + (t + i)
                        + ",\"senderID\":\"friend" + i + "\",\"receiverID\":\"bob\",\"summary\":\"hello from friend " + i + "\"}";
                assertThat(functions.post("recordMessage", token, json).statusCode()).isEqualTo(200);
            }
            assertThat(functions.post("setUserProfile", token, "{\"userID\":\"friend2\",\"nickname\":\"<i>Fran</i>\"}").statusCode())
                    .isEqualTo(200);

            driver.findElement(By.linkText("Inspect a user's list")).click();
            driver.findElement(By.name("userID")).sendKeys("bob");
            driver.findElement(By.xpath("//button[text()='Show list']")).click();
            assertThat(driver.findElement(By.id("size")).getText()).isEqualTo("3");
            assertThat(driver.findElement(By.id("limit")).getText()).isEqualTo("300");
            assertThat(driver.findElement(By.id("total-unread")).getText()).isEqualTo("3");
            var names = driver.findElements(By.className("show-name")).stream().map(e -> e.getText()).toList();
            assertThat(names).containsExactly("friend3", "<i>Fran</i>", "friend1");
            screenshot(driver, "3-user-list.png");

            // The stream consumer counts what the messages did (handed the stream's changes here); the dashboard shows it.
            conversations.usage().apply("browser-test-" + app, stream.changes());
            driver.findElement(By.linkText(app)).click();
            driver.findElement(By.linkText("Usage")).click();
            assertThat(driver.findElement(By.id("lists")).getText()).isEqualTo("4"); // bob and his three friends
            assertThat(driver.findElement(By.id("stored")).getText()).isEqualTo("6");
            assertThat(driver.findElements(By.cssSelector("#chart rect.created"))).hasSize(1);
            // Busiest today: bob, whose list took three conversations, then each friend's one.
            assertThat(driver.findElements(By.cssSelector("#busiest-today a")).stream().map(e -> e.getText()).toList())
                    .containsExactly("bob", "friend1", "friend2", "friend3");
            driver.findElement(By.name("prefix")).sendKeys("fri");
            driver.findElement(By.xpath("//button[text()='Find']")).click();
            assertThat(driver.findElements(By.cssSelector("#users a")).stream().map(e -> e.getText()).toList())
                    .containsExactly("friend1", "friend2", "friend3");
            screenshot(driver, "4-usage.png");
        } finally {
            driver.quit();
        }
    }
}
