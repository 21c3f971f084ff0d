package io.github.customeremail;

import java.util.List;
import java.util.Objects;

/**
 * What DNS says about a domain's ability to receive mail. Produced by a {@link MailDomainChecker} (module
 * {@code customer-email-dns} provides one); the validator turns it into findings and a verdict.
 *
 * <p>Java 17 has no pattern matching in {@code switch}; code that must handle every status switches on
 * {@link #kind()} instead, which the compiler checks for exhaustiveness in a {@code switch} expression: a new status
 * gets a new {@link Kind}, and every such switch stops compiling until it handles it.
 */
public sealed interface MailDomainStatus {

    /** Which of the statuses this is, one constant per record of this interface. */
    enum Kind {
        /** {@link HasMx} */
        HAS_MX,
        /** {@link ImplicitMx} */
        IMPLICIT_MX,
        /** {@link NullMx} */
        NULL_MX,
        /** {@link NoSuchDomain} */
        NO_SUCH_DOMAIN,
        /** {@link NoMailHost} */
        NO_MAIL_HOST,
        /** {@link NoPublicMailHost} */
        NO_PUBLIC_MAIL_HOST,
        /** {@link NoSuchMailHost} */
        NO_SUCH_MAIL_HOST,
        /** {@link Indeterminate} */
        INDETERMINATE
    }

    /** @return {@code true} if mail can be delivered to the domain */
    boolean deliverable();

    /** @return which status this is, for an exhaustive {@code switch} */
    Kind kind();

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
        public Kind kind() {
            return Kind.HAS_MX;
        }

        @Override
        public boolean deliverable() {
            return true;
        }
    }

    /** No MX, but the domain itself has an A or AAAA record: RFC 5321 section 5.1 implicit MX. */
    record ImplicitMx() implements MailDomainStatus {
        @Override
        public Kind kind() {
            return Kind.IMPLICIT_MX;
        }

        @Override
        public boolean deliverable() {
            return true;
        }
    }

    /** The domain publishes a null MX ({@code MX 0 .}, RFC 7505): it accepts no mail. */
    record NullMx() implements MailDomainStatus {
        @Override
        public Kind kind() {
            return Kind.NULL_MX;
        }

        @Override
        public boolean deliverable() {
            return false;
        }
    }

    /** The domain does not exist (NXDOMAIN). */
    record NoSuchDomain() implements MailDomainStatus {
        @Override
        public Kind kind() {
            return Kind.NO_SUCH_DOMAIN;
        }

        @Override
        public boolean deliverable() {
            return false;
        }
    }

    /** The domain exists but has no MX and no A/AAAA records (NODATA). */
    record NoMailHost() implements MailDomainStatus {
        @Override
        public Kind kind() {
            return Kind.NO_MAIL_HOST;
        }

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
        public Kind kind() {
            return Kind.NO_PUBLIC_MAIL_HOST;
        }

        @Override
        public boolean deliverable() {
            return false;
        }
    }

    /**
     * The domain's MX records name mail hosts that do not exist in DNS (NXDOMAIN for every one of them).
     *
     * @param mailHosts the MX target host names examined
     */
    record NoSuchMailHost(List<String> mailHosts) implements MailDomainStatus {
        /** Copies the host list. */
        public NoSuchMailHost {
            mailHosts = List.copyOf(mailHosts);
        }

        @Override
        public Kind kind() {
            return Kind.NO_SUCH_MAIL_HOST;
        }

        @Override
        public boolean deliverable() {
            return false;
        }
    }

    /**
     * DNS gave no usable answer: timeout, SERVFAIL, REFUSED, a garbled reply, a referral, the check's deadline
     * passed, or the resolver denied names without proof and failed the test of a name that must exist.
     *
     * @param reason a short technical reason ({@code timeout}, {@code SERVFAIL}, …) for logs and findings
     * @param resolverUnreliable {@code true} when the DNS resolver itself is not to be trusted (it denies names
     *     that exist): the operator must fix the DNS configuration, checking again later will not help
     */
    record Indeterminate(String reason, boolean resolverUnreliable) implements MailDomainStatus {
        /** Validates the reason. */
        public Indeterminate {
            Objects.requireNonNull(reason, "reason");
        }

        /**
         * A lookup that failed this time (the resolver is not known to be unreliable).
         *
         * @param reason a short technical reason
         */
        public Indeterminate(String reason) {
            this(reason, false);
        }

        @Override
        public Kind kind() {
            return Kind.INDETERMINATE;
        }

        @Override
        public boolean deliverable() {
            return false;
        }
    }
}
