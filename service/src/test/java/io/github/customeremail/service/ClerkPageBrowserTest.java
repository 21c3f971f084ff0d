package io.github.customeremail.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The clerks' page in a real browser (headless Chromium) against the running service, with a real SMTP server
 * (GreenMail) behind a relay that can be switched down or silent. One browser session for the whole class; the
 * tests run in order and each starts two hours after the last (a test clock), so hourly limits start afresh.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "customer-email.dns.enabled=false",
        "customer-email.service.api-keys=" + LoopbackClient.KEY,
        "spring.datasource.url=jdbc:h2:mem:clerk-page;DB_CLOSE_DELAY=-1",
        "customer-email.web.users.maria={noop}clave-de-prueba-1",
        "customer-email.web.time-zone=America/Bogota",
        "customer-email.verification.company-name=Tu Matera S.A.S.",
        "customer-email.verification.from=facturas@tumatera.com",
        "customer-email.verification.per-address-per-hour=3",
        "customer-email.verification.per-clerk-per-hour=5",
        "spring.mail.host=127.0.0.1",
        // GreenMail speaks plain SMTP; STARTTLS and AUTH are tested against aiosmtpd (VerificationRelayTlsTest).
        "spring.mail.properties.mail.smtp.starttls.enable=false",
        "spring.mail.properties.mail.smtp.starttls.required=false",
        "spring.mail.properties.mail.smtp.connectiontimeout=1000",
        "spring.mail.properties.mail.smtp.timeout=1000",
        "spring.mail.properties.mail.smtp.writetimeout=1000"})
@Import(ClerkPageBrowserTest.Clocks.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClerkPageBrowserTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort()).withPerMethodLifecycle(false);

    static final RelaySwitch RELAY;
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T14:00:00Z"));
    private static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");

    static {
        try {
            RELAY = new RelaySwitch(() -> MAIL.getSmtp().getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TempDir
    static Path downloads;
    static ChromeDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    FeedbackIntake intake;

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        java.time.Clock testClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void relay(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", RELAY::port);
    }

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(downloads);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        RELAY.close();
    }

    @Test
    @Order(1)
    void thePageNeedsALoginInSpanish() throws Exception {
        browser.get(url("/"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
        browser.findElement(By.id("username")).sendKeys("maria");
        browser.findElement(By.id("password")).sendKeys("no-es-la-clave");
        browser.findElement(By.id("login")).click();
        assertThat(waitFor(By.cssSelector("[role=alert]")).getText()).isEqualTo("Usuario o contraseña incorrectos.");
        Browser.screenshot(browser, "01-login");
        logIn();
        assertThat(browser.findElement(By.cssSelector("label[for=address]")).getText())
                .isEqualTo("Correo del cliente");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("address");
    }

    @Test
    @Order(2)
    void aTypoIsSuggestedAndTakenWithOneButton() throws Exception {
        logIn();
        long start = typeAddress("juan@gmial.com");
        WebElement verdict = waitForVerdict("SUGGEST", "juan@gmial.com");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(verdict.getText()).isEqualTo("Revise el correo: parece tener un error de escritura");
        WebElement take = browser.findElement(By.id("take"));
        assertThat(take.getText()).isEqualTo("¿Quiso decir juan@gmail.com?");
        assertThat(browser.findElements(By.cssSelector(".reasons li")))
                .extracting(WebElement::getText).doesNotContain(take.getText()); // asked once, on the button
        Browser.publish(Browser.screenshot(browser, "02-check-suggest"), "clerk-page.png");

        take.click();
        assertThat(waitForVerdict("VALID", "juan@gmail.com").getText()).isEqualTo("Correo válido");
        WebElement field = browser.findElement(By.id("address"));
        assertThat(field.getDomProperty("value")).isEqualTo("juan@gmail.com");
        assertThat(browser.switchTo().activeElement()).isEqualTo(field); // the clerk carries on typing here
        assertThat(browser.findElement(By.id("send")).getText()).isEqualTo("Enviar código");
        Browser.screenshot(browser, "03-check-valid");

        List<Long> times = new ArrayList<>(List.of(millis));
        for (String address : List.of("ana.maria@hotmial.com", "pedro@yaho.com", "luisa@outlok.com",
                "carlos@gmai.com")) {
            long t = typeAddress(address);
            waitForVerdict("SUGGEST", address);
            times.add((System.nanoTime() - t) / 1_000_000);
        }
        Collections.sort(times);
        Files.writeString(Browser.SCREENSHOTS.resolve("time-to-verdict.txt"), "typing to verdict on the page, ms "
                + "(after the last key; includes the page's 300 ms pause for typing): " + times + ", median "
                + times.get(times.size() / 2) + "\n");

        typeAddress("ventas(at)tumatera.com");
        WebElement invalid = waitForVerdict("INVALID", "ventas(at)tumatera.com");
        assertThat(invalid.getText()).isEqualTo("Correo no válido: no lo guarde así");
        assertThat(browser.findElements(By.id("send"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector(".reasons li"))).isNotEmpty();
        Browser.screenshot(browser, "04-check-invalid");
    }

    @Test
    @Order(3)
    void aSuppressedAddressShowsWhenAndWhyItBounced() throws Exception {
        logIn();
        intake.acceptEnvelopeOrBare(SnsSigner.bounce("rebote@gmail.com", "Permanent", "NoEmail", "5.1.1",
                "550 5.1.1 user unknown", Instant.parse("2026-11-03T15:00:00Z")), "n-rebote", "test");
        typeAddress("rebote@gmail.com");
        assertThat(waitForVerdict("INVALID", "rebote@gmail.com").getText())
                .isEqualTo("Correo no válido: no lo guarde así");
        assertThat(browser.findElement(By.cssSelector(".reasons")).getText())
                .contains("3/11/2026").contains("550 5.1.1");
        Browser.screenshot(browser, "05-check-suppressed");
    }

    @Test
    @Order(4)
    void aCodeIsMailedAndConfirmedAndTheOutcomeIsKept() throws Exception {
        logIn();
        CLOCK.advance(Duration.ofHours(2));
        int before = MAIL.getReceivedMessages().length;
        typeAddress("Juan.Perez@Gmail.com");
        waitForVerdict("VALID", "Juan.Perez@Gmail.com");
        send();
        WebElement sent = waitForOutcome("sent");
        assertThat(sent.getText()).startsWith("Código enviado. Vence a las 11:15.");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("code");
        Browser.screenshot(browser, "06-code-sent");

        MimeMessage mail = mailTo("juan.perez@gmail.com", before);
        assertThat(mail.getFrom()[0].toString()).isEqualTo("facturas@tumatera.com");
        assertThat(mail.getSubject()).startsWith("Su código de verificación de Tu Matera S.A.S.");
        String code = code(mail);

        browser.findElement(By.id("code")).sendKeys(code);
        browser.findElement(By.id("confirm")).click();
        WebElement verified = waitForOutcome("verified");
        assertThat(verified.getText()).isEqualTo(
                "Verificado el 01/12/2026 11:00: el cliente recibe correo en esta dirección.");
        Browser.screenshot(browser, "07-verified");

        // Next time the address is checked, the page says it was confirmed.
        typeAddress("juan.perez@gmail.com ");
        waitForVerdict("VALID", "juan.perez@gmail.com ");
        assertThat(browser.findElement(By.id("verified")).getText())
                .isEqualTo("Confirmado por el cliente el 01/12/2026 11:00 (registrado por maria)");
        Browser.screenshot(browser, "08-check-verified");

        LoopbackClient api = new LoopbackClient(port);
        JsonNode byBody = LoopbackClient.json(api.post("/v1/verifications/lookup",
                "{\"address\":\"Juan.Perez@gmail.com\"}"));
        assertThat(byBody.path("verified").asBoolean()).isTrue();
        assertThat(byBody.path("clerk").asString()).isEqualTo("maria");
        assertThat(byBody.path("verifiedAt").asString()).isEqualTo("2026-12-01T16:00:00Z");
        var byId = api.send("GET", "/v1/verifications/" + byBody.path("id").asString(), null,
                RequestGuardFilter.API_KEY_HEADER, LoopbackClient.KEY);
        assertThat(LoopbackClient.json(byId).path("address").asString()).isEqualTo("juan.perez@gmail.com");
        assertThat(api.send("GET", "/v1/verifications/" + byBody.path("id").asString(), null).statusCode())
                .isEqualTo(401);
    }

    @Test
    @Order(5)
    void aWrongCodeThreeTimesLocksIt() throws Exception {
        logIn();
        CLOCK.advance(Duration.ofHours(2));
        int before = MAIL.getReceivedMessages().length;
        typeAddress("ana@gmail.com");
        waitForVerdict("VALID", "ana@gmail.com");
        send();
        waitForOutcome("sent");
        String code = code(mailTo("ana@gmail.com", before));
        String wrong = "%06d".formatted((Integer.parseInt(code) + 1) % 1_000_000);

        confirmCode(wrong);
        assertThat(waitForOutcome("wrong").getText()).isEqualTo("El código no coincide. Quedan 2 intentos.");
        confirmCode(wrong);
        assertThat(waitForOutcome("wrong").getText()).isEqualTo("El código no coincide. Queda 1 intento.");
        confirmCode(wrong);
        assertThat(waitForOutcome("locked").getText()).startsWith("Demasiados intentos fallidos");
        assertThat(browser.findElements(By.id("code"))).isEmpty();
        Browser.screenshot(browser, "09-locked");
        assertThat(new LoopbackClient(port).post("/v1/verifications/lookup", "{\"address\":\"ana@gmail.com\"}")
                .statusCode()).isEqualTo(404);
    }

    @Test
    @Order(6)
    void anExpiredCodeIsRefused() throws Exception {
        logIn();
        CLOCK.advance(Duration.ofHours(2));
        int before = MAIL.getReceivedMessages().length;
        typeAddress("luis@gmail.com");
        waitForVerdict("VALID", "luis@gmail.com");
        send();
        waitForOutcome("sent");
        String code = code(mailTo("luis@gmail.com", before));
        CLOCK.advance(Duration.ofMinutes(16));
        confirmCode(code);
        assertThat(waitForOutcome("expired").getText()).isEqualTo("El código venció. Envíe un código nuevo.");
        Browser.screenshot(browser, "10-expired");
        assertThat(new LoopbackClient(port).post("/v1/verifications/lookup", "{\"address\":\"luis@gmail.com\"}")
                .statusCode()).isEqualTo(404);
    }

    @Test
    @Order(7)
    void sendingIsLimitedPerAddressAndPerClerk() throws Exception {
        logIn();
        CLOCK.advance(Duration.ofHours(2));
        typeAddress("sofia@gmail.com");
        waitForVerdict("VALID", "sofia@gmail.com");
        for (int i = 0; i < 3; i++) {
            send();
            waitForOutcome("sent");
        }
        send();
        assertThat(waitForOutcome("limit-address").getText()).startsWith("Ya se enviaron varios códigos");
        Browser.screenshot(browser, "11-limit-address");
        for (String other : List.of("a1@gmail.com", "a2@gmail.com")) {
            typeAddress(other);
            waitForVerdict("VALID", other);
            send();
            waitForOutcome("sent");
        }
        typeAddress("a3@gmail.com");
        waitForVerdict("VALID", "a3@gmail.com");
        send();
        assertThat(waitForOutcome("limit-clerk").getText()).startsWith("Ha enviado muchos códigos");
        CLOCK.advance(Duration.ofMinutes(61)); // an hour later the clerk may send again
        send();
        waitForOutcome("sent");
    }

    @Test
    @Order(8)
    void aRelayThatIsDownOrSilentGivesAClearMessageAndVerifiesNothing() throws Exception {
        logIn();
        CLOCK.advance(Duration.ofHours(2));
        int before = MAIL.getReceivedMessages().length;
        typeAddress("marta@gmail.com");
        waitForVerdict("VALID", "marta@gmail.com");
        try {
            RELAY.mode(RelaySwitch.Mode.DOWN);
            send();
            assertThat(waitForOutcome("relay-failed").getText()).startsWith("No se pudo enviar el correo");
            Browser.screenshot(browser, "12-relay-down");

            RELAY.mode(RelaySwitch.Mode.SILENT); // the page answers once the mail timeouts (1 s here) pass
            send();
            waitForOutcome("relay-failed");
            assertThat(browser.findElement(By.id("send")).isEnabled()).isTrue();
        } finally {
            RELAY.mode(RelaySwitch.Mode.UP);
        }
        assertThat(MAIL.getReceivedMessages()).hasSize(before);
        confirmCodeFormAbsent();
        assertThat(new LoopbackClient(port).post("/v1/verifications/lookup", "{\"address\":\"marta@gmail.com\"}")
                .statusCode()).isEqualTo(404);
    }

    @Test
    @Order(9)
    void aPastedListBecomesATableAndACsvFile() throws Exception {
        logIn();
        browser.findElement(By.id("tab-list")).click();
        List<String> ten = List.of("juan@gmial.com", "Ana.Maria@Hotmail.com", "  pedro@yahoo.es", "no-arroba",
                "=HYPERLINK(\"x\")@gmail.com", "sofia@gmail.com", "ventas@tumatera.com.co", "luis@outlok.com",
                "rebote@gmail.com", "carla@gmail.com\t3001234567");
        WebElement area = browser.findElement(By.id("addresses"));
        area.sendKeys(String.join("\n", ten));
        browser.findElement(By.id("check-list")).click();
        WebElement table = waitFor(By.id("list-table"));
        List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
        assertThat(rows).hasSize(10);
        assertThat(rows.get(0).getAttribute("data-verdict")).isEqualTo("SUGGEST");
        assertThat(rows.get(3).getAttribute("data-verdict")).isEqualTo("INVALID");
        assertThat(rows.get(9).findElement(By.tagName("td")).getText()).isEqualTo("carla@gmail.com");
        Browser.screenshot(browser, "13-list");

        browser.findElement(By.id("download")).click();
        Path csv = downloads.resolve("correos-comprobados.csv");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> Files.exists(csv));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(11);
        assertThat(lines.get(0)).isEqualTo("\uFEFFcorreo escrito,correo corregido,resultado,sugerencia,motivos,"
                + "confirmado");
        assertThat(lines.get(1)).startsWith("juan@gmial.com,juan@gmial.com,Revise el correo");
        assertThat(lines.get(1)).contains(",juan@gmail.com,");
        assertThat(lines.get(5)).startsWith("\"'=HYPERLINK(\"\"x\"\")@gmail.com\","); // never a formula
    }

    @Test
    @Order(10)
    void theLanguageFollowsTheSwitchAndThePageFitsAPhone() throws Exception {
        logIn();
        browser.findElement(By.cssSelector(".langs a[lang=en]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBe(
                By.cssSelector("label[for=address]"), "Customer's email address"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        typeAddress("juan@gmial.com");
        waitForVerdict("SUGGEST", "juan@gmial.com");
        assertThat(browser.findElement(By.id("take")).getText()).isEqualTo("Did you mean juan@gmail.com?");
        browser.findElement(By.cssSelector(".langs a[lang=pt]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBe(
                By.cssSelector("label[for=address]"), "E-mail do cliente"));
        typeAddress("juan@gmial.com");
        waitForVerdict("SUGGEST", "juan@gmial.com");
        assertThat(browser.findElement(By.id("take")).getText()).isEqualTo("Você quis dizer juan@gmail.com?");
        browser.findElement(By.cssSelector(".langs a[lang=es]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBe(
                By.cssSelector("label[for=address]"), "Correo del cliente"));

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            typeAddress("juan@gmial.com");
            waitForVerdict("SUGGEST", "juan@gmial.com");
            Object overflow = browser.executeScript(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
            assertThat(overflow).isEqualTo(false);
            Browser.screenshot(browser, "14-phone");
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1000, 900));
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void logIn() {
        browser.get(url("/"));
        if (browser.getCurrentUrl().contains("/login")) {
            browser.findElement(By.id("username")).sendKeys("maria");
            browser.findElement(By.id("password")).sendKeys("clave-de-prueba-1");
            browser.findElement(By.id("login")).click();
        }
        waitFor(By.id("address"));
    }

    /** Replaces the field's text by typing; returns when the last key went in (System.nanoTime). */
    private long typeAddress(String address) {
        WebElement field = browser.findElement(By.id("address"));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(address);
        return System.nanoTime();
    }

    private WebElement waitForVerdict(String verdict, String input) {
        By selector = By.cssSelector("#verdict[data-verdict='" + verdict + "'][data-input='" + input + "']");
        return waitFor(selector);
    }

    private WebElement waitForOutcome(String outcome) {
        // A fresh result: the one the last click asked for (the page replaces the result part as a whole).
        return waitFor(By.cssSelector("#outcome[data-outcome='" + outcome + "']"));
    }

    /** Clicks "Enviar código"; the last outcome is removed first, so waiting for an outcome waits for the new one. */
    private void send() {
        forgetOutcome();
        browser.findElement(By.id("send")).click();
    }

    private void confirmCode(String code) {
        WebElement field = waitFor(By.id("code"));
        forgetOutcome();
        field.sendKeys(code);
        browser.findElement(By.id("confirm")).click();
    }

    private void forgetOutcome() {
        browser.executeScript("var o = document.getElementById('outcome'); if (o) { o.remove(); }");
    }

    private void confirmCodeFormAbsent() {
        assertThat(browser.findElements(By.id("code"))).isEmpty();
    }

    private WebElement waitFor(By selector) {
        return new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(selector));
    }

    private static MimeMessage mailTo(String address, int before) throws Exception {
        MAIL.waitForIncomingEmail(10_000, before + 1);
        MimeMessage[] all = MAIL.getReceivedMessages();
        for (int i = all.length - 1; i >= before; i--) {
            if (all[i].getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
                return all[i];
            }
        }
        throw new AssertionError("no mail to " + address);
    }

    private static String code(MimeMessage mail) {
        Matcher m = CODE.matcher(GreenMailUtil.getBody(mail));
        assertThat(m.find()).as("a 6-digit code in the mail").isTrue();
        return m.group(1);
    }
}
