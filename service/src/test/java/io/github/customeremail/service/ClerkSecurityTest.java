package io.github.customeremail.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who gets in, over real HTTP: the page behind its login (form or trusted proxy header), CSRF tokens on its forms,
 * and the {@code /v1} API still guarded by API keys alone (no login page, no session, no CSRF token).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "customer-email.dns.enabled=false",
        "customer-email.service.api-keys=" + LoopbackClient.KEY,
        "spring.datasource.url=jdbc:h2:mem:clerk-security;DB_CLOSE_DELAY=-1",
        "customer-email.web.users.maria={noop}clave-de-prueba-1",
        "customer-email.web.proxy-header=X-Forwarded-User"})
class ClerkSecurityTest {

    @LocalServerPort
    int port;

    private final ClerkBrowser browser = new ClerkBrowser(() -> port);

    @Test
    void thePageRedirectsToTheLoginAndTheLoginPageSpeaksTheBrowsersLanguage() throws Exception {
        HttpResponse<String> page = get("/", "Accept-Language", "es");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        HttpResponse<String> login = get("/login", "Accept-Language", "pt-BR,pt;q=0.9");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("<html lang=\"pt\"").contains("Senha");
        assertThat(get("/login", "Accept-Language", "de").body()).contains("Contraseña"); // Spanish by default
        assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'");
    }

    @Test
    void formsNeedTheirCsrfToken() throws Exception {
        String token = csrf(get("/login").body());
        HttpResponse<String> noToken = post("/login", Map.of("username", "maria", "password", "clave-de-prueba-1"));
        assertThat(noToken.statusCode()).isEqualTo(403);
        HttpResponse<String> in = post("/login", Map.of("username", "maria", "password", "clave-de-prueba-1",
                "_csrf", token));
        assertThat(in.statusCode()).isEqualTo(302);
        assertThat(in.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sesión de maria");
        String pageToken = csrf(page.body());
        assertThat(post("/check", Map.of("address", "juan@gmial.com")).statusCode()).isEqualTo(403);
        HttpResponse<String> checked = post("/check", Map.of("address", "juan@gmial.com", "_csrf", pageToken),
                ClerkController.FRAGMENT_HEADER, "1");
        assertThat(checked.statusCode()).isEqualTo(200);
        assertThat(checked.body()).startsWith("<div id=\"result\"").contains("data-verdict=\"SUGGEST\"")
                .doesNotContain("<html");
        assertThat(post("/verify/send", Map.of("address", "juan@gmail.com")).statusCode()).isEqualTo(403);
    }

    @Test
    void aWrongPasswordDoesNotGetIn() throws Exception {
        String token = csrf(get("/login").body());
        HttpResponse<String> wrong = post("/login", Map.of("username", "maria", "password", "otra", "_csrf", token));
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void theTrustedProxysHeaderNamesTheClerk() throws Exception {
        HttpResponse<String> page = get("/", "X-Forwarded-User", "pablo");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sesión de pablo");
    }

    @Test
    void theApiKeepsItsKeysAndNeverAsksForALogin() throws Exception {
        LoopbackClient api = new LoopbackClient(port);
        HttpResponse<String> checked = api.post("/v1/checks", "{\"addresses\":[\"juan@gmial.com\"]}");
        assertThat(checked.statusCode()).isEqualTo(200);
        assertThat(LoopbackClient.json(checked).path("results").get(0).path("suggestion").asString())
                .isEqualTo("juan@gmail.com");
        assertThat(checked.headers().firstValue("Set-Cookie")).isEmpty();
        HttpResponse<String> noKey = api.send("POST", "/v1/checks", "{\"addresses\":[\"a@gmail.com\"]}",
                "Content-Type", "application/json");
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(LoopbackClient.json(noKey).path("error").asString()).isEqualTo("unauthorized");
        HttpResponse<String> unknown = api.send("GET", "/v1/verifications/AAAAAAAAAAAAAAAAAAAAAA", null,
                RequestGuardFilter.API_KEY_HEADER, LoopbackClient.KEY);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(LoopbackClient.json(unknown).path("error").asString()).isEqualTo("not-found");
        // A clerk's login is no way into the API: its keys are.
        assertThat(api.send("GET", "/v1/verifications/AAAAAAAAAAAAAAAAAAAAAA", null, "X-Forwarded-User", "pablo")
                .statusCode()).isEqualTo(401);
    }

    @Test
    void badSettingsStopTheServiceNamingTheSetting() {
        assertThatThrownBy(() -> new ClerkProperties(Map.of("maria", "plaintext"), "", List.of(), 500, ""))
                .hasMessageContaining("customer-email.web.users.maria");
        assertThatThrownBy(() -> new ClerkProperties(Map.of(), "X-User", List.of(), 500, ""))
                .hasMessageContaining("customer-email.web.proxy-addresses");
        assertThatThrownBy(() -> new ClerkProperties(Map.of(), "", List.of(), 500, "Mars/Olympus"))
                .hasMessageContaining("customer-email.web.time-zone");
        assertThatThrownBy(() -> new VerificationProperties("", "", Duration.ofSeconds(10), 3, 3, 30, ""))
                .hasMessageContaining("customer-email.verification.code-ttl");
        assertThatThrownBy(() -> new VerificationProperties("", "", Duration.ofMinutes(15), 3, 3, 30, "short"))
                .hasMessageContaining("customer-email.verification.secret");
    }

    static String csrf(String html) {
        return ClerkBrowser.csrf(html);
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        return browser.get(path, headers);
    }

    private HttpResponse<String> post(String path, Map<String, String> form, String... headers) throws Exception {
        return browser.post(path, form, headers);
    }
}
