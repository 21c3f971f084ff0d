package io.github.customeremail.dns.testing;

import io.github.customeremail.MailDomainStatus;
import java.util.List;

/**
 * A zone of many customer domains for bulk tests and benchmarks, shaped like a real contacts list: most domains share
 * the mail hosts of a few providers (one provider with five MX hosts, one with two), some have a host of their own or
 * one per domain at a provider, some only an address (implicit MX), some do not exist, and some list a private host
 * before a shared public one. Every negative answer carries an SOA (the server's default), so no canary is asked.
 *
 * <pre>{@code
 * BulkZone zone = BulkZone.serve(dns, 2_000);
 * zone.domain(17);          // "cliente17.com.ar"
 * zone.expected(17);        // the kind of status the checker must give it
 * }</pre>
 */
public final class BulkZone {

    /** The five MX hosts of the large provider, most preferred first. */
    public static final List<String> PROVIDER_A_HOSTS = List.of("aspmx.proveedor-a.com", "alt1.aspmx.proveedor-a.com",
            "alt2.aspmx.proveedor-a.com", "alt3.aspmx.proveedor-a.com", "alt4.aspmx.proveedor-a.com");
    /** The two MX hosts of the hosting provider. */
    public static final List<String> PROVIDER_B_HOSTS = List.of("mx1.hosting-b.net", "mx2.hosting-b.net");

    private final int domains;

    private BulkZone(int domains) {
        this.domains = domains;
    }

    /**
     * Adds the records of {@code domains} customer domains (and their providers) to a server.
     *
     * @param dns the server
     * @param domains how many domains, 1 or more
     * @return the zone, to name the domains and their expected statuses
     */
    public static BulkZone serve(LoopbackDnsServer dns, int domains) {
        if (domains < 1) {
            throw new IllegalArgumentException("domains must be positive: " + domains);
        }
        int preference = 1;
        for (String host : PROVIDER_A_HOSTS) {
            dns.a(host, "142.250.0." + preference).aaaa(host, "2a00:1450:4000::" + preference);
            preference++;
        }
        dns.a(PROVIDER_B_HOSTS.get(0), "200.40.1.1").a(PROVIDER_B_HOSTS.get(1), "200.40.1.2");
        BulkZone zone = new BulkZone(domains);
        for (int i = 0; i < domains; i++) {
            String d = zone.domain(i);
            switch (i % 10) {
                case 0, 1, 2 -> {
                    int[] preferences = {1, 5, 5, 10, 10};
                    for (int h = 0; h < PROVIDER_A_HOSTS.size(); h++) {
                        dns.mx(d, preferences[h], PROVIDER_A_HOSTS.get(h));
                    }
                }
                case 3 -> dns.mx(d, 10, PROVIDER_B_HOSTS.get(0)).mx(d, 20, PROVIDER_B_HOSTS.get(1));
                case 4 -> dns.mx(d, 0, "cliente" + i + "-com-ar.mail.protection-c.com")
                        .a("cliente" + i + "-com-ar.mail.protection-c.com", "52.101." + (i % 250) + ".7");
                case 5, 6 -> dns.mx(d, 10, "mail." + d).a("mail." + d, "190.12." + (i % 250) + ".25");
                case 7 -> dns.a(d, "181.30." + (i % 250) + ".9");
                case 8 -> { } // no such domain
                default -> dns.mx(d, 10, "mail." + d).a("mail." + d, "10.0." + (i % 250) + ".3")
                        .mx(d, 20, PROVIDER_B_HOSTS.get(1));
            }
        }
        return zone;
    }

    /** @return how many domains the zone has */
    public int size() {
        return domains;
    }

    /**
     * @param i 0 to {@link #size()} - 1
     * @return the domain's name
     */
    public String domain(int i) {
        return "cliente" + i + ".com.ar";
    }

    /**
     * @param i 0 to {@link #size()} - 1
     * @return the kind of status the domain has when DNS answers
     */
    public Class<? extends MailDomainStatus> expected(int i) {
        return switch (i % 10) {
            case 7 -> MailDomainStatus.ImplicitMx.class;
            case 8 -> MailDomainStatus.NoSuchDomain.class;
            default -> MailDomainStatus.HasMx.class;
        };
    }
}
