package io.github.customeremail.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The clerks' page while its database does not answer (every new connection refused, as when the server is down):
 * checking still gives a verdict, and what needs the database answers with a page in the clerk's language.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "customer-email.dns.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:clerk-outage;DB_CLOSE_DELAY=-1",
        "customer-email.web.users.maria={noop}clave-de-prueba-1",
        "customer-email.web.proxy-header=X-Forwarded-User"})
@Import(ClerkOutageTest.Outage.class)
class ClerkOutageTest {

    /** Wraps the service's data source (outside its pool) so that a test can refuse every connection. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Outage {
        static volatile boolean down;

        @Bean
        static BeanPostProcessor switchableDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof DataSource source) || bean instanceof DelegatingDataSource) {
                        return bean;
                    }
                    return new DelegatingDataSource(source) {
                        @Override
                        public Connection getConnection() throws SQLException {
                            if (down) {
                                throw new SQLTransientConnectionException("test: the database is down");
                            }
                            return super.getConnection();
                        }
                    };
                }
            };
        }
    }

    @LocalServerPort
    int port;

    private final ClerkBrowser browser = new ClerkBrowser(() -> port);

    @AfterEach
    void up() {
        Outage.down = false;
    }

    @Test
    void checkingGoesOnAndWhatNeedsTheDatabaseSaysSoInTheClerksLanguage() throws Exception {
        String token = ClerkSecurityTest.csrf(get("/").body());
        Outage.down = true;

        HttpResponse<String> checked = post("/check", Map.of("address", "juan@gmial.com", "_csrf", token));
        assertThat(checked.statusCode()).isEqualTo(200);
        assertThat(checked.body()).contains("data-verdict=\"SUGGEST\"").contains("¿Quiso decir juan@gmail.com?");

        HttpResponse<String> confirm = post("/verify/confirm", Map.of("address", "juan@gmail.com",
                "code", "123456", "_csrf", token));
        assertThat(confirm.statusCode()).isEqualTo(503);
        assertThat(confirm.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(confirm.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(confirm.body()).contains("<html lang=\"es\"").contains("No se envió ni se guardó nada");

        HttpResponse<String> english = post("/verify/confirm?lang=en", Map.of("address", "juan@gmail.com",
                "code", "123456", "_csrf", token));
        assertThat(english.statusCode()).isEqualTo(503);
        assertThat(english.body()).contains("Nothing was sent or saved");

        Outage.down = false;
        HttpResponse<String> after = post("/verify/confirm", Map.of("address", "juan@gmail.com",
                "code", "123456", "_csrf", token));
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("data-outcome=\"no-code\"");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.get(path, "X-Forwarded-User", "maria");
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        return browser.post(path, form, "X-Forwarded-User", "maria");
    }
}
