package io.github.customeremail.service;

import java.net.http.HttpClient;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The tests' trust store: the SNS client trusts the loopback certificate host's test certificate (only it). */
@TestConfiguration(proxyBeanMethods = false)
class TestSnsClientConfiguration {

    @Bean
    @Primary
    @Qualifier("sns")
    HttpClient testSnsHttpClient() throws Exception {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(TestCertificates.get().clientContext()).build();
    }
}
