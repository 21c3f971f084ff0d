package io.github.customeremail.dns;

import java.net.IDN;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * One sending domain and how mail leaves from it: what {@link SenderCheck} compares DNS with.
 *
 * <pre>{@code
 * SenderDomain d = SenderDomain.builder("tumatera.com")
 *         .sesRegion("us-east-1")
 *         .sesDkimTokens("abc…", "def…", "ghi…")   // SES console: Easy DKIM
 *         .mailFrom("bounce")                        // custom MAIL FROM bounce.tumatera.com
 *         .build();
 * }</pre>
 *
 * @param domain the sending domain (lower-case ASCII, no trailing dot)
 * @param dkimSelectors DKIM selectors whose keys are published under {@code SELECTOR._domainkey.DOMAIN}
 * @param sesDkimTokens SES Easy DKIM tokens ({@code TOKEN._domainkey.DOMAIN} CNAME to
 *     {@code TOKEN.dkim.amazonses.com})
 * @param sesRegion the SES region (e.g. {@code us-east-1}), if known
 * @param mailFrom the custom MAIL FROM domain, a subdomain of {@code domain}; empty when SES's default
 *     ({@code amazonses.com}) is the envelope sender
 * @param sendingIps the company's own sending IPs (dedicated SES IPs or its own mail server), checked against the
 *     IP blocklists; empty with SES's shared IPs
 */
public record SenderDomain(String domain, List<String> dkimSelectors, List<String> sesDkimTokens,
                           Optional<String> sesRegion, Optional<String> mailFrom, List<InetAddress> sendingIps) {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]");
    private static final Pattern SELECTOR = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    /**
     * @throws NullPointerException if an argument is null
     */
    public SenderDomain {
        Objects.requireNonNull(domain, "domain");
        dkimSelectors = List.copyOf(dkimSelectors);
        sesDkimTokens = List.copyOf(sesDkimTokens);
        Objects.requireNonNull(sesRegion, "sesRegion");
        Objects.requireNonNull(mailFrom, "mailFrom");
        sendingIps = List.copyOf(sendingIps);
    }

    /**
     * @param domain the sending domain, e.g. {@code tumatera.com} (Unicode is converted to its A-label form)
     * @return a builder
     * @throws IllegalArgumentException if it is not a domain name
     */
    public static Builder builder(String domain) {
        return new Builder(domainName(domain, "domain"));
    }

    /** @return the envelope sender's domain: the custom MAIL FROM, or {@code amazonses.com} */
    public String envelopeDomain() {
        return mailFrom.orElse(SesNames.DEFAULT_MAIL_FROM);
    }

    static String domainName(String value, String setting) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(setting + ": empty domain");
        }
        String d = value.trim();
        while (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        try {
            d = IDN.toASCII(d, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
            Name name = Name.fromString(d, Name.root);
            if (name.labels() < 3) { // root label included: at least two labels
                throw new IllegalArgumentException(setting + ": not a domain with a dot: " + value);
            }
        } catch (IllegalArgumentException | TextParseException e) {
            if (e instanceof IllegalArgumentException i && i.getMessage().startsWith(setting)) {
                throw i;
            }
            throw new IllegalArgumentException(setting + ": not a valid domain name: " + value, e);
        }
        return d;
    }

    /** Configures a {@link SenderDomain}; not thread-safe. */
    public static final class Builder {
        private final String domain;
        private final LinkedHashSet<String> selectors = new LinkedHashSet<>();
        private final LinkedHashSet<String> tokens = new LinkedHashSet<>();
        private String region;
        private String mailFrom;
        private final List<InetAddress> ips = new ArrayList<>();

        private Builder(String domain) {
            this.domain = domain;
        }

        /**
         * Adds DKIM selectors to check ({@code SELECTOR._domainkey.DOMAIN} TXT).
         *
         * @param selectors e.g. {@code s1}, {@code google}
         * @return this builder
         * @throws IllegalArgumentException naming the setting if a selector is not a DNS label sequence
         */
        public Builder dkimSelectors(String... selectors) {
            for (String s : selectors) {
                if (s == null || !SELECTOR.matcher(s).matches() || s.length() > 63) {
                    throw new IllegalArgumentException("dkim-selector: not a selector: " + s);
                }
                this.selectors.add(s.toLowerCase(Locale.ROOT));
            }
            return this;
        }

        /**
         * Adds SES Easy DKIM tokens (the SES console lists three per domain).
         *
         * @param tokens the tokens
         * @return this builder
         * @throws IllegalArgumentException naming the setting if a token is not a single DNS label
         */
        public Builder sesDkimTokens(String... tokens) {
            for (String t : tokens) {
                if (t == null || !t.matches("[A-Za-z0-9-]{1,63}")) {
                    throw new IllegalArgumentException("ses-dkim-token: not a token: " + t);
                }
                this.tokens.add(t.toLowerCase(Locale.ROOT));
            }
            return this;
        }

        /**
         * @param region the SES region, e.g. {@code us-east-1}; fixes the expected MAIL FROM MX host
         * @return this builder
         * @throws IllegalArgumentException naming the setting if it does not look like a region
         */
        public Builder sesRegion(String region) {
            if (region == null || !REGION.matcher(region).matches()) {
                throw new IllegalArgumentException("ses-region: not an AWS region such as us-east-1: " + region);
            }
            this.region = region;
            return this;
        }

        /**
         * The custom MAIL FROM domain: a subdomain of the sending domain, given whole
         * ({@code bounce.tumatera.com}) or by its labels below the domain ({@code bounce}).
         *
         * @param subdomain the MAIL FROM domain
         * @return this builder
         * @throws IllegalArgumentException naming the setting if it is not a subdomain of the sending domain
         */
        public Builder mailFrom(String subdomain) {
            if (subdomain == null || subdomain.isBlank()) {
                throw new IllegalArgumentException("mail-from: empty");
            }
            String s = subdomain.trim().toLowerCase(Locale.ROOT);
            String full = s.endsWith("." + domain) ? s : s + "." + domain;
            full = domainName(full, "mail-from");
            if (!full.endsWith("." + domain)) {
                throw new IllegalArgumentException("mail-from: must be a subdomain of " + domain + ": " + subdomain);
            }
            this.mailFrom = full;
            return this;
        }

        /**
         * Adds the company's own sending IPs (dedicated SES IPs, its own mail server).
         *
         * @param ips IPv4 or IPv6 literals
         * @return this builder
         * @throws IllegalArgumentException naming the setting if one is not an IP literal
         */
        public Builder sendingIps(String... ips) {
            for (String ip : ips) {
                try {
                    this.ips.add(org.xbill.DNS.Address.getByAddress(Objects.requireNonNull(ip, "ip").trim()));
                } catch (java.net.UnknownHostException e) {
                    throw new IllegalArgumentException("sending-ip: not an IP address: " + ip, e);
                }
            }
            return this;
        }

        /** @return the sending domain's description */
        public SenderDomain build() {
            return new SenderDomain(domain, List.copyOf(selectors), List.copyOf(tokens), Optional.ofNullable(region),
                    Optional.ofNullable(mailFrom), ips);
        }
    }
}
