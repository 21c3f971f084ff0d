package io.github.customeremail.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver ({@code /usr/bin/chromedriver}, never one
 * downloaded). Without them the browser tests are skipped with a message, except under {@code CI=true}, where
 * {@code .ci/run} installs them and their absence fails the build.
 */
final class Browser {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Where the screenshots go ({@code service/target/screenshots}). */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Set to {@code true} to copy the main screenshot into the docs the README shows. */
    static final String UPDATE_DOCS = "customer-email.update-docs-images";

    private Browser() {
    }

    /** A Spanish-speaking desktop browser whose downloads land in {@code downloads}. */
    static ChromeDriver start(Path downloads) {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            String why = "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(why + "; .ci/run installs them");
            }
            Assumptions.abort(why);
        }
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1000,900", "--lang=es", "--no-first-run", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1");
        options.setExperimentalOption("prefs", java.util.Map.of(
                "intl.accept_languages", "es",
                "download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** Saves what the browser shows as {@code target/screenshots/NAME.png}. */
    static Path screenshot(ChromeDriver driver, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /** With {@code -Dcustomer-email.update-docs-images=true}: copies a screenshot to {@code docs/images/}. */
    static void publish(Path screenshot, String name) throws IOException {
        if (Boolean.getBoolean(UPDATE_DOCS)) {
            Path docs = Path.of("..", "docs", "images");
            Files.createDirectories(docs);
            Files.copy(screenshot, docs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
