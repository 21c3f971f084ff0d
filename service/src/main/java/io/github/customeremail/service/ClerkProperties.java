package io.github.customeremail.service;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The clerks' page, under {@code customer-email.web}: who may log in and how long a pasted list may be. Checked at
 * start: a bad value stops the service with a message naming the setting.
 *
 * @param users          clerks who log in with the page's form: name to password, the password stored as Spring
 *                       Security writes it ({@code {bcrypt}$2a$…}; {@code {noop}secret} only to try things out)
 * @param proxyHeader    a header set by a trusted reverse proxy that has already logged the clerk in (for example
 *                       {@code X-Forwarded-User}); empty: not used
 * @param proxyAddresses the addresses the proxy connects from; the header is believed only from them
 * @param maxList        most addresses of one pasted list
 * @param timeZone       the zone times are shown in (for example {@code America/Bogota}); empty: the machine's
 */
@ConfigurationProperties("customer-email.web")
record ClerkProperties(
        @DefaultValue Map<String, String> users,
        @DefaultValue("") String proxyHeader,
        @DefaultValue({"127.0.0.1", "0:0:0:0:0:0:0:1"}) List<String> proxyAddresses,
        @DefaultValue("500") int maxList,
        @DefaultValue("") String timeZone) {

    ClerkProperties {
        users = users == null ? Map.of() : Map.copyOf(users);
        proxyAddresses = proxyAddresses == null ? List.of() : List.copyOf(proxyAddresses);
        for (Map.Entry<String, String> user : users.entrySet()) {
            if (!user.getValue().startsWith("{")) {
                throw new IllegalArgumentException("customer-email.web.users." + user.getKey()
                        + ": give the password as {bcrypt}$2a$… (or {noop}… to try things out)");
            }
        }
        if (!proxyHeader.isBlank() && proxyAddresses.isEmpty()) {
            throw new IllegalArgumentException("customer-email.web.proxy-addresses: name the proxy's addresses when "
                    + "customer-email.web.proxy-header is set");
        }
        if (!timeZone.isBlank()) {
            try {
                java.time.ZoneId.of(timeZone);
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException("customer-email.web.time-zone: not a time zone: " + timeZone, e);
            }
        }
        if (maxList < 1 || maxList > 10_000) {
            throw new IllegalArgumentException("customer-email.web.max-list must be 1..10000, got " + maxList);
        }
    }
}
