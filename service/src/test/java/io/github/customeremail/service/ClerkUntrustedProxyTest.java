package io.github.customeremail.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The proxy's header is believed only from the proxy's addresses: from anywhere else it logs nobody in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "customer-email.dns.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:clerk-untrusted-proxy;DB_CLOSE_DELAY=-1",
        "customer-email.web.proxy-header=X-Forwarded-User",
        "customer-email.web.proxy-addresses=192.0.2.10"})
class ClerkUntrustedProxyTest {

    @LocalServerPort
    int port;

    @Test
    void theHeaderFromAnotherAddressIsIgnored() throws Exception {
        HttpResponse<String> page = new LoopbackClient(port).send("GET", "/", null, "X-Forwarded-User", "pablo");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }
}
