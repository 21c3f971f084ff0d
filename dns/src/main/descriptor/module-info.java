/**
 * customer-email dns: a cached, deadline-bounded {@code MailDomainChecker} over dnsjava and Caffeine.
 */
module io.github.customeremail.dns {
    requires transitive io.github.customeremail;
    requires org.dnsjava;
    requires transitive com.github.benmanes.caffeine; // Ticker is part of the builder's API

    exports io.github.customeremail.dns;
}
