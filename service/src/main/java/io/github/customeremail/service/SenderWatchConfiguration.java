package io.github.customeremail.service;

import io.github.customeremail.dns.SenderCheck;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link SenderCheck} the sender-readiness watch runs, from {@code customer-email.sender.*}. */
@Configuration(proxyBeanMethods = false)
class SenderWatchConfiguration {

    /**
     * @param properties the watch's settings (DNS server, timeouts, blocklist zones)
     * @return the check; closed on shutdown
     */
    @Bean(destroyMethod = "close")
    SenderCheck senderCheck(SenderWatchProperties properties) {
        return properties.checkBuilder().build();
    }
}
