package io.github.customeremail.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.MailDomainStatus;
import io.github.customeremail.dns.testing.LoopbackDnsServer;
import io.github.customeremail.dns.testing.LoopbackDnsServer.Fault;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The callers' continuations run on the configured executor, never on the checker's deadline thread. */
class CallbackThreadTest {

    @Test
    void aSlowCallbackOnOneDeadlineDoesNotHoldBackAnother() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> new Thread(r, "caller-pool"));
        try (LoopbackDnsServer dns = LoopbackDnsServer.start()
                .fault("first.test", Fault.drop()).fault("second.test", Fault.drop());
             DnsMailDomainChecker checker = DnsMailDomainChecker.builder().server("127.0.0.1", dns.port())
                     .deadline(Duration.ofMillis(300)).indeterminateTtl(Duration.ZERO).executor(pool).build()) {
            CountDownLatch secondDone = new CountDownLatch(1);
            AtomicReference<String> firstThread = new AtomicReference<>();
            // The first callback blocks until the second check has completed: on one shared deadline thread the
            // second could never complete, and the first would wait out its 10 s.
            CompletableFuture<Boolean> first = checker.check("first.test").thenApply(s -> {
                firstThread.set(Thread.currentThread().getName());
                try {
                    return secondDone.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });
            CompletableFuture<MailDomainStatus> second = checker.check("second.test")
                    .whenComplete((s, e) -> secondDone.countDown());
            assertThat(second.get(10, TimeUnit.SECONDS)).isInstanceOf(MailDomainStatus.Indeterminate.class);
            assertThat(first.get(20, TimeUnit.SECONDS)).isTrue();
            assertThat(firstThread.get()).isEqualTo("caller-pool");
        } finally {
            pool.shutdownNow();
        }
    }
}
