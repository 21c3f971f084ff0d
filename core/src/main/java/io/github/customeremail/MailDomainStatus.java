package io.github.customeremail;

import java.util.List;
import java.util.Objects;

/**
 * What DNS says about a domain's ability to receive mail. Produced by a {@link MailDomainChecker} (module
 * {@code customer-email-dns} provides one); the validator turns it into findings and a verdict.
 */
public sealed interface MailDomainStatus {

    /** @return {@code true} if mail can be delivered to the domain */
    boolean deliverable();

    /**
     * The domain has MX records whose hosts resolve to public addresses.
     *
     * @param mailHosts the MX target host names, most preferred first
     */
    record HasMx(List<String> mailHosts) implements MailDomainStatus {
        /** Copies the host list. */
        public HasMx {
            mailHosts = List.copyOf(mailHosts);
        }

        @Override
        public boolean deliverable() {
            return true;
        }
    }

    /** No MX, but the domain itself has an A or AAAA record: RFC 5321 section 5.1 implicit MX. */
    record ImplicitMx() implements MailDomainStatus {
        @Override
        public boolean deliverable() {
            return true;
        }
    }

    /** The domain publishes a null MX ({@code MX 0 .}, RFC 7505): it accepts no mail. */
    record NullMx() implements MailDomainStatus {
        @Override
        public boolean deliverable() {
            return false;
        }
    }

    /** The domain does not exist (NXDOMAIN). */
    record NoSuchDomain() implements MailDomainStatus {
        @Override
        public boolean deliverable() {
            return false;
        }
    }

    /** The domain exists but has no MX and no A/AAAA records (NODATA). */
    record NoMailHost() implements MailDomainStatus {
        @Override
        public boolean deliverable() {
            return false;
        }
    }

    /**
     * Every mail host resolves only to loopback, private, link-local or otherwise reserved addresses (or to none).
     *
     * @param mailHosts the MX target host names examined
     */
    record NoPublicMailHost(List<String> mailHosts) implements MailDomainStatus {
        /** Copies the host list. */
        public NoPublicMailHost {
            mailHosts = List.copyOf(mailHosts);
        }

        @Override
        public boolean deliverable() {
            return false;
        }
    }

    /**
     * DNS gave no usable answer: timeout, SERVFAIL, REFUSED, a garbled reply, or the check's deadline passed.
     *
     * @param reason a short technical reason ({@code timeout}, {@code SERVFAIL}, …) for logs and findings
     */
    record Indeterminate(String reason) implements MailDomainStatus {
        /** Validates the reason. */
        public Indeterminate {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean deliverable() {
            return false;
        }
    }
}
