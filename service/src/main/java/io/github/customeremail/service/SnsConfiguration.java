package io.github.customeremail.service;

import java.net.http.HttpClient;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The HTTP client SNS certificates and subscription confirmations are fetched with, and the verifier. */
@Configuration(proxyBeanMethods = false)
class SnsConfiguration {

    /**
     * Never follows redirects: a redirect could lead off the allow-listed hosts. Trusts the JDK's CA certificates.
     *
     * @param properties the settings
     * @return the client
     */
    @Bean
    @Qualifier("sns")
    HttpClient snsHttpClient(ServiceProperties properties) {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.sns().fetchTimeout()).build();
    }

    @Bean
    SnsSignatureVerifier snsSignatureVerifier(@Qualifier("sns") HttpClient http, ServiceProperties properties) {
        return new SnsSignatureVerifier(new SigningCertificates(http, properties.sns()));
    }
}
