package io.github.customeremail.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.customeremail.FindingCode;
import io.github.customeremail.Verdict;
import jakarta.validation.ValidationException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default validator reads {@code customer-email.properties} from the classpath (the policy's config file). */
class DefaultConfigurationTest {

    @TempDir
    Path dir;

    private <T> T withClasspathConfig(String content, Supplier<T> action) throws Exception {
        Files.writeString(dir.resolve("customer-email.properties"), content);
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, saved)) {
            thread.setContextClassLoader(loader);
            return action.get();
        } finally {
            thread.setContextClassLoader(saved);
        }
    }

    @Test
    void theClasspathConfigurationIsApplied() throws Exception {
        var validator = withClasspathConfig("corporate-domains = tumatera.com\n", CustomerEmails::loadDefault);
        var check = validator.check("juan@ventas.tumatera.com");
        assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(check.has(FindingCode.CORPORATE_DOMAIN)).isTrue();
    }

    @Test
    void aBadFileIsAValidationExceptionNamingTheLine() throws Exception {
        assertThatThrownBy(() -> withClasspathConfig("# ok\ncoporate-domains = x.com\n", CustomerEmails::loadDefault))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("coporate-domains");
    }

    @Test
    void withoutAFileTheCoreDefaultsApply() {
        assertThat(CustomerEmails.loadDefault().check("juan@ventas.tumatera.com").verdict()).isEqualTo(Verdict.VALID);
    }
}
