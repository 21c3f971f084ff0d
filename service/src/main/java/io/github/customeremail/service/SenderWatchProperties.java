package io.github.customeremail.service;

import io.github.customeremail.dns.SenderCheck;
import io.github.customeremail.dns.SenderDomain;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sender-readiness watch, under {@code customer-email.sender}: which sending domains are checked, how and how
 * often. Checked at start: a bad value stops the service with a message naming the setting.
 *
 * @param domains      the company's own sending domains ({@code domains[0].name=tumatera.com} …); none: nothing
 *                     is watched
 * @param blocklists   blocklist zones to query (none by default: read the operators' terms first)
 * @param dns          {@code system} (the machine's resolvers) or one DNS server, {@code IPv4[:PORT]} or
 *                     {@code [IPv6]:PORT}
 * @param interval     time between the end of one check of every domain and the start of the next
 * @param initialDelay time from start to the first check
 * @param queryTimeout time budget of one DNS question, retries included
 * @param deadline     time budget of one domain's whole check
 * @param logLanguage  language of the messages in the log ({@code es}, {@code en}, {@code pt})
 */
@ConfigurationProperties("customer-email.sender")
record SenderWatchProperties(
        @DefaultValue List<Domain> domains,
        @DefaultValue List<String> blocklists,
        @DefaultValue("system") String dns,
        @DefaultValue("1h") Duration interval,
        @DefaultValue("30s") Duration initialDelay,
        @DefaultValue("2s") Duration queryTimeout,
        @DefaultValue("10s") Duration deadline,
        @DefaultValue("es") String logLanguage) {

    static final String PREFIX = "customer-email.sender";

    SenderWatchProperties {
        domains = domains == null ? List.of() : List.copyOf(domains);
        blocklists = blocklists == null ? List.of() : List.copyOf(blocklists);
        positive("interval", interval);
        positive("query-timeout", queryTimeout);
        positive("deadline", deadline);
        require(!initialDelay.isNegative(), PREFIX + ".initial-delay must not be negative, got " + initialDelay);
        require(List.of("es", "en", "pt").contains(logLanguage),
                PREFIX + ".log-language must be es, en or pt, got '" + logLanguage + "'");
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < domains.size(); i++) {
            String name = domains.get(i).toSenderDomain(i).domain(); // fails fast, naming the setting
            require(names.add(name), PREFIX + ".domains[" + i + "].name: " + name + " is configured twice");
        }
        checkBuilder(blocklists, dns, queryTimeout, deadline); // the same for the zones and the server
    }

    /**
     * One sending domain and how mail leaves from it (see {@link SenderDomain}).
     *
     * @param name          the domain, e.g. {@code tumatera.com}
     * @param dkimSelectors DKIM selectors whose keys the company publishes
     * @param sesRegion     the Amazon SES region, e.g. {@code us-east-1}
     * @param sesDkimTokens the three SES Easy DKIM tokens
     * @param mailFrom      the custom MAIL FROM domain ({@code rebote} or {@code rebote.tumatera.com}); empty:
     *                      SES's own
     * @param sendingIps    the company's own sending IPs (dedicated SES IPs, its own mail server)
     */
    record Domain(String name, @DefaultValue List<String> dkimSelectors, @DefaultValue("") String sesRegion,
                  @DefaultValue List<String> sesDkimTokens, @DefaultValue("") String mailFrom,
                  @DefaultValue List<String> sendingIps) {

        /**
         * @param index the domain's position in {@code customer-email.sender.domains}
         * @return the domain as {@link io.github.customeremail.dns.SenderCheck} takes it
         * @throws IllegalArgumentException naming the setting if a value is not valid
         */
        SenderDomain toSenderDomain(int index) {
            String setting = PREFIX + ".domains[" + index + "]";
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException(setting + ".name is required");
            }
            try {
                SenderDomain.Builder b = SenderDomain.builder(name)
                        .dkimSelectors(dkimSelectors.toArray(String[]::new))
                        .sesDkimTokens(sesDkimTokens.toArray(String[]::new))
                        .sendingIps(sendingIps.toArray(String[]::new));
                if (!sesRegion.isBlank()) {
                    b.sesRegion(sesRegion.strip());
                }
                if (!mailFrom.isBlank()) {
                    b.mailFrom(mailFrom);
                }
                return b.build();
            } catch (IllegalArgumentException e) {
                // the library's message starts with the setting's own name (dkim-selector, mail-from…)
                throw new IllegalArgumentException(setting + "." + e.getMessage(), e);
            }
        }
    }

    /** @return the sending domains as the check takes them */
    List<SenderDomain> senderDomains() {
        List<SenderDomain> out = new ArrayList<>(domains.size());
        for (int i = 0; i < domains.size(); i++) {
            out.add(domains.get(i).toSenderDomain(i));
        }
        return out;
    }

    /** @return the locale of the log messages */
    Locale logLocale() {
        return Locale.forLanguageTag(logLanguage);
    }

    /**
     * @return a configured builder of the check
     * @throws IllegalArgumentException naming the setting if a zone or the DNS server is not valid
     */
    SenderCheck.Builder checkBuilder() {
        return checkBuilder(blocklists, dns, queryTimeout, deadline);
    }

    private static SenderCheck.Builder checkBuilder(List<String> blocklists, String dns, Duration queryTimeout,
                                                    Duration deadline) {
        SenderCheck.Builder b = SenderCheck.builder().queryTimeout(queryTimeout).deadline(deadline);
        for (String zone : blocklists) {
            try {
                b.blocklist(zone.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(PREFIX + ".blocklists: " + e.getMessage(), e);
            }
        }
        String setting = dns.strip();
        if (!setting.equals("system")) {
            try {
                b.server(server(setting));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(PREFIX + ".dns must be system, IPv4[:PORT] or [IPv6]:PORT, got '"
                        + dns + "': " + e.getMessage(), e);
            }
        }
        return b;
    }

    /** {@code 192.0.2.1}, {@code 192.0.2.1:5353}, {@code [2001:db8::1]:53}; IP literals only, no name lookup. */
    private static InetSocketAddress server(String value) {
        String host = value;
        String port = "53";
        if (value.startsWith("[") && value.contains("]:")) {
            host = value.substring(1, value.indexOf("]:"));
            port = value.substring(value.indexOf("]:") + 2);
        } else if (value.indexOf(':') > 0 && value.indexOf(':') == value.lastIndexOf(':')) {
            host = value.substring(0, value.indexOf(':'));
            port = value.substring(value.indexOf(':') + 1);
        }
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port: " + port, e);
        }
        if (p < 1 || p > 65535) {
            throw new IllegalArgumentException("not a port: " + port);
        }
        try {
            return new InetSocketAddress(org.xbill.DNS.Address.getByAddress(host), p);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + host, e);
        }
    }

    private static void positive(String name, Duration d) {
        require(d != null && !d.isNegative() && !d.isZero(), PREFIX + "." + name + " must be positive, got " + d);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
