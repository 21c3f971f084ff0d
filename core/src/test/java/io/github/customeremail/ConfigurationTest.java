package io.github.customeremail;

import static io.github.customeremail.PolicyTest.has;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationTest {

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path f = dir.resolve("customer-email.properties");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void everyKey() throws IOException {
        Path f = file("""
                # Tu Matera S.A.S.
                corporate-domains=tumatera.com, TUMATERA.com.co.
                blocked-domains = competidor.com
                allowed-domains =
                disposable.check = true
                disposable.extra-domains = desechable.co \\
                    otro-desechable.com
                role-accounts: invalid
                provider-rules = strict
                non-ascii-local-part = warning
                lowercase-local-part = false
                """);
        CustomerEmailValidator v = CustomerEmailValidator.builder().configure(f).build();
        assertThat(has(v.check("juan@ventas.tumatera.com"), FindingCode.CORPORATE_DOMAIN)).isTrue();
        assertThat(has(v.check("juan@tumatera.com.co"), FindingCode.CORPORATE_DOMAIN)).isTrue();
        assertThat(has(v.check("juan@competidor.com"), FindingCode.BLOCKED_DOMAIN)).isTrue();
        assertThat(has(v.check("juan@desechable.co"), FindingCode.DISPOSABLE_DOMAIN)).isTrue();
        assertThat(has(v.check("juan@otro-desechable.com"), FindingCode.DISPOSABLE_DOMAIN)).isTrue();
        assertThat(v.check("ventas@cliente.com").verdict()).isEqualTo(Verdict.INVALID);
        assertThat(v.check("juan@gmail.com").verdict()).isEqualTo(Verdict.INVALID); // strict: too short
        assertThat(v.check("josé.perez@cliente.com").verdict()).isEqualTo(Verdict.VALID);
        assertThat(v.check("Juan.Perez@cliente.com").normalized()).contains("Juan.Perez@cliente.com");
    }

    @Test
    void offSwitches() throws IOException {
        Path f = file("disposable.check=false\nrole-accounts=off\nprovider-rules=off\nnon-ascii-local-part=off\n");
        CustomerEmailValidator v = CustomerEmailValidator.builder().configure(f).build();
        for (String a : new String[] {"juan@mailinator.com", "info@cliente.com", "juan_perez@gmail.com",
                "josé@cliente.com"}) {
            assertThat(v.check(a).verdict()).as(a).isEqualTo(Verdict.VALID);
        }
    }

    @Test
    void emptyFileAndCommentsOnlyChangeNothing() throws IOException {
        CustomerEmailValidator v = CustomerEmailValidator.builder().configure(file("\n# nothing\n! here\n\n"))
                .build();
        assertThat(v.check("info@cliente.com").verdict()).isEqualTo(Verdict.VALID);
        assertThat(v.check("juan@mailinator.com").verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void fromClasspath() throws IOException {
        // Not a src/test/resources file: the core test-jar is on other modules' classpaths.
        Path root = Files.createDirectory(dir.resolve("classes"));
        Files.writeString(root.resolve("customer-email.properties"),
                "corporate-domains = tumatera.com, tumatera.com.co\nrole-accounts = invalid\n");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            thread.setContextClassLoader(loader);
            CustomerEmailValidator v = CustomerEmailValidator.builder().configureFromClasspath().build();
            assertThat(has(v.check("juan@tumatera.com.co"), FindingCode.CORPORATE_DOMAIN)).isTrue();
            assertThat(v.check("ventas@cliente.com").verdict()).isEqualTo(Verdict.INVALID);

            Files.writeString(root.resolve("customer-email.properties"), "\nprovider-rule = strict\n");
            ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                    () -> CustomerEmailValidator.builder().configureFromClasspath());
            assertThat(e.source()).endsWith("customer-email.properties").startsWith("file:");
            assertThat(e.line()).isEqualTo(2);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Test
    void absentClasspathResourceIsNotAnError() {
        CustomerEmailValidator.Builder b = CustomerEmailValidator.builder();
        assertThat(ConfigurationFile.applyFromClasspath("no-such-customer-email.properties", b)).isFalse();
    }

    @Test
    void fromProperties() {
        Properties p = new Properties();
        p.setProperty("corporate-domains", "tumatera.com");
        p.setProperty("role-accounts", "INVALID");
        CustomerEmailValidator v = CustomerEmailValidator.builder().configure(p).build();
        assertThat(has(v.check("juan@tumatera.com"), FindingCode.CORPORATE_DOMAIN)).isTrue();
        assertThat(v.check("ventas@cliente.com").verdict()).isEqualTo(Verdict.INVALID);

        p.setProperty("role-acounts", "off");
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                () -> CustomerEmailValidator.builder().configure(p));
        assertThat(e.key()).isEqualTo("role-acounts");
        assertThat(e.line()).isZero();
        assertThat(e.getMessage()).startsWith("java.util.Properties, key \"role-acounts\": unknown key");
    }

    @Test
    void fileAndBuilderCombine() throws IOException {
        Path f = file("corporate-domains = tumatera.com\n");
        CustomerEmailValidator v = CustomerEmailValidator.builder().corporateDomain("tumatera.es").configure(f)
                .corporateDomain("tumatera.com.co").build();
        for (String d : new String[] {"tumatera.com", "tumatera.es", "tumatera.com.co"}) {
            assertThat(has(v.check("juan@" + d), FindingCode.CORPORATE_DOMAIN)).as(d).isTrue();
        }
    }

    // ---- bad files: the message names the file, the line and the key ----

    private ConfigurationException bad(String text) throws IOException {
        Path f = file(text);
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                () -> CustomerEmailValidator.builder().configure(f));
        assertThat(e).as("expected a ConfigurationException for:%n%s", text).isNotNull();
        assertThat(e.source()).isEqualTo(f.toString());
        assertThat(e.getMessage()).startsWith(f.toString());
        return e;
    }

    @Test
    void unknownKeyNamesLineAndKey() throws IOException {
        ConfigurationException e = bad("# comment\ncorporate-domains = tumatera.com\n\ncoporate-domains = x.com\n");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.key()).isEqualTo("coporate-domains");
        assertThat(e.getMessage()).contains(", line 4, key \"coporate-domains\": unknown key; the known keys are ")
                .contains("corporate-domains");
    }

    @Test
    void badModeNamesLineKeyAndValue() throws IOException {
        ConfigurationException e = bad("role-accounts = sometimes\n");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.key()).isEqualTo("role-accounts");
        assertThat(e.getMessage()).endsWith(
                ", line 1, key \"role-accounts\": \"sometimes\" is not one of off, warning, invalid");
        assertThat(bad("\n\nprovider-rules=relaxed").getMessage())
                .contains("line 3").contains("is not one of off, warning, standard, strict");
    }

    @Test
    void badBoolean() throws IOException {
        ConfigurationException e = bad("lowercase-local-part = yes\n");
        assertThat(e.getMessage()).endsWith("line 1, key \"lowercase-local-part\": \"yes\" is not true or false");
    }

    @Test
    void badDomainNamesLineAndValue() throws IOException {
        ConfigurationException e = bad("blocked-domains = ok.com\ncorporate-domains = tumatera.com, @tumatera.co\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.key()).isEqualTo("corporate-domains");
        assertThat(e.getMessage()).contains("\"@tumatera.co\" is not a domain");
        assertThat(bad("corporate-domains = tumatera\n").getMessage())
                .contains("line 1").contains("\"tumatera\" is not a complete domain");
    }

    @Test
    void lineWithoutSeparator() throws IOException {
        ConfigurationException e = bad("role-accounts = off\ncorporate-domains tumatera.com\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.key()).isNull();
        assertThat(e.getMessage()).contains("line 2: expected \"key = value\" but found "
                + "\"corporate-domains tumatera.com\"");
    }

    @Test
    void repeatedKey() throws IOException {
        ConfigurationException e = bad("role-accounts = off\nrole-accounts = invalid\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("line 2, key \"role-accounts\": the key is repeated (first set on line 1)");
    }

    @Test
    void continuationKeepsTheFirstLineNumber() throws IOException {
        ConfigurationException e = bad("corporate-domains = a.com, \\\n   b.com\nrole-accounts = x\n");
        assertThat(e.line()).isEqualTo(3);
        e = bad("blocked-domains = a.com, \\\n  b_c.com\n");
        assertThat(e.line()).isEqualTo(1);
    }

    @Test
    void notUtf8NamesTheLine() throws IOException {
        Path f = dir.resolve("latin1.properties");
        Files.write(f, "role-accounts = off\ncorporate-domains = ca\u00f1on.com\n".getBytes(StandardCharsets.ISO_8859_1));
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                () -> CustomerEmailValidator.builder().configure(f));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("line 2: the text is not valid UTF-8");
    }

    @Test
    void missingFile() {
        Path f = dir.resolve("missing.properties");
        assertThatThrownBy(() -> CustomerEmailValidator.builder().configure(f))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(f + ": the file does not exist or is not a regular file");
    }

    @Test
    void aBadFileLeavesTheBuilderUnchanged() throws IOException {
        Path f = file("corporate-domains = tumatera.com\nrole-accounts = invalid\nfoo = bar\n");
        CustomerEmailValidator.Builder b = CustomerEmailValidator.builder();
        assertThatThrownBy(() -> b.configure(f)).isInstanceOf(ConfigurationException.class);
        CustomerEmailValidator v = b.build();
        assertThat(v.check("juan@tumatera.com").verdict()).isEqualTo(Verdict.VALID);
        assertThat(v.check("ventas@cliente.com").verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void utf8WithBomAndCrLf() throws IOException {
        Path f = dir.resolve("windows.properties");
        Files.write(f, "\uFEFFcorporate-domains = cañón.com\r\nrole-accounts = invalid\r\n"
                .getBytes(StandardCharsets.UTF_8));
        CustomerEmailValidator v = CustomerEmailValidator.builder().configure(f).build();
        assertThat(has(v.check("juan@cañón.com"), FindingCode.CORPORATE_DOMAIN)).isTrue();
        assertThat(v.check("ventas@cliente.com").verdict()).isEqualTo(Verdict.INVALID);
    }
}
