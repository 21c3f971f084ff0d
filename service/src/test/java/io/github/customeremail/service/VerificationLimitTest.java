package io.github.customeremail.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sending limits hold when many sends race: clerks pressing "Enviar código" for one address at the same moment
 * get exactly the limit's number of mails, and the customer exactly that many codes (GreenMail on loopback).
 */
@SpringBootTest(properties = {
        "customer-email.dns.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:verification-limits;DB_CLOSE_DELAY=-1",
        "customer-email.verification.company-name=Tu Matera S.A.S.",
        "customer-email.verification.from=facturas@tumatera.com",
        "customer-email.verification.per-address-per-hour=3",
        "customer-email.verification.per-clerk-per-hour=4",
        "spring.mail.host=127.0.0.1",
        "spring.mail.properties.mail.smtp.starttls.enable=false",
        "spring.mail.properties.mail.smtp.starttls.required=false"})
class VerificationLimitTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort()).withPerMethodLifecycle(false);

    @Autowired
    VerificationService verification;

    @DynamicPropertySource
    static void relay(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @Test
    void racingSendsNeverPassALimit() throws Exception {
        // 12 clerks at once for one address: the address's limit (3) decides.
        Map<VerificationService.Status, Long> perAddress = race(12, i -> verification.send("cliente@gmail.com",
                "clerk" + i, Locale.forLanguageTag("es")));
        assertThat(perAddress).containsEntry(VerificationService.Status.SENT, 3L)
                .containsEntry(VerificationService.Status.LIMIT_ADDRESS, 9L);
        assertThat(MAIL.getReceivedMessagesForDomain("cliente@gmail.com")).hasSize(3);

        // One clerk, 12 addresses at once: the clerk's limit (4) decides.
        Map<VerificationService.Status, Long> perClerk = race(12, i -> verification.send("cliente" + i + "@gmail.com",
                "maria", Locale.forLanguageTag("es")));
        assertThat(perClerk).containsEntry(VerificationService.Status.SENT, 4L)
                .containsEntry(VerificationService.Status.LIMIT_CLERK, 8L);
        assertThat(MAIL.getReceivedMessages()).hasSize(3 + 4);
    }

    private static Map<VerificationService.Status, Long> race(int n,
            Function<Integer, VerificationService.Outcome> send) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<VerificationService.Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int clerk = i;
                Callable<VerificationService.Outcome> task = () -> {
                    start.await();
                    return send.apply(clerk);
                };
                outcomes.add(pool.submit(task));
            }
            start.countDown();
            List<VerificationService.Status> statuses = new ArrayList<>();
            for (Future<VerificationService.Outcome> f : outcomes) {
                statuses.add(f.get(60, TimeUnit.SECONDS).status());
            }
            return statuses.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        } finally {
            pool.shutdownNow();
        }
    }
}
