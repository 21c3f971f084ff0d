package io.github.customeremail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.customeremail.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled disposable-domain lists: size, false positives against real providers, the user's own file. */
class DisposableDomainsTest {

    private final CustomerEmailValidator validator = CustomerEmailValidator.builder().build();

    @Test
    void theCommunityListIsBundledWholeAndPacked() {
        PackedDomainSet community = DisposableDomainRule.bundledCommunity();
        System.out.printf("disposable domains: %d community + %d curated, %d allowed; packed %d KiB%n",
                community.size(), DisposableDomainRule.bundled().size(), DisposableDomainRule.allowList().size(),
                community.footprint() / 1024);
        assertThat(community.size()).isGreaterThan(100_000);
        assertThat(community.footprint()).isLessThan(4L * 1024 * 1024);
        assertThat(community.contains("mailinator.com", 0, "mailinator.com".length())).isTrue();
        assertThat(community.match("juan@x.y.mailinator.com", 5)).isEqualTo("mailinator.com");
        assertThat(community.match("juan@gmail.com", 5)).isNull();
        // index.json entries match exactly: it lists public suffixes such as edu.pl
        assertThat(community.match("juan@edu.pl", 5)).isEqualTo("edu.pl");
        assertThat(community.match("juan@uw.edu.pl", 5)).isNull();
        assertThat(community.match("juan@com", 5)).isNull();
    }

    @Test
    void noKnownProviderNorAllowedDomainIsRefusedAsDisposable() {
        List<String> refused = new ArrayList<>();
        List<String> all = new ArrayList<>(KnownDomains.bundled().domains());
        all.addAll(DisposableDomainRule.allowList());
        for (String domain : all) {
            if (validator.checkOffline("juan.perez@" + domain).has(FindingCode.DISPOSABLE_DOMAIN)) {
                refused.add(domain);
            }
        }
        assertThat(refused).isEmpty();
    }

    @Test
    void theMostUsedRealProvidersAreNotDisposable() throws IOException {
        Path top = SharedData.require("domains/fxa_top_email_domains.txt");
        List<String> refused = new ArrayList<>();
        for (String line : Files.readAllLines(top, StandardCharsets.UTF_8)) {
            String domain = line.strip();
            if (domain.isEmpty() || domain.startsWith("#")) {
                continue;
            }
            EmailCheck check = validator.checkOffline("juan.perez@" + domain);
            if (check.has(FindingCode.DISPOSABLE_DOMAIN)) {
                refused.add(domain);
            }
        }
        // The list has real throw-away services among its most used domains: those are the only refusals.
        assertThat(refused).allSatisfy(d -> assertThat(DisposableDomainRule.bundledCommunity()
                .contains(d, 0, d.length()) || DisposableDomainRule.bundled().contains(d)).isTrue());
        System.out.println("most used domains refused as disposable: " + refused);
        assertThat(refused).doesNotContain("gmai.com", "gmil.com", "21cn.com");
    }

    @Test
    void aListFileOfTheUsersOwnIsAdded(@TempDir Path dir) throws IOException {
        Path list = dir.resolve("desechables.txt");
        Files.writeString(list, "# nuestros\nDesechable.com.co\n\ntemporal.example.net\n");
        CustomerEmailValidator v = CustomerEmailValidator.builder().disposableDomainsFile(list).build();
        assertThat(v.checkOffline("ana@desechable.com.co").has(FindingCode.DISPOSABLE_DOMAIN)).isTrue();
        assertThat(v.checkOffline("ana@ventas.desechable.com.co").has(FindingCode.DISPOSABLE_DOMAIN)).isTrue();
        assertThat(v.checkOffline("ana@mailinator.com").has(FindingCode.DISPOSABLE_DOMAIN)).isTrue();
        Path config = dir.resolve("customer-email.properties");
        Files.writeString(config, "disposable.extra-file = " + list + "\n");
        assertThat(CustomerEmailValidator.builder().configure(config).build()
                .checkOffline("ana@desechable.com.co").has(FindingCode.DISPOSABLE_DOMAIN)).isTrue();
        assertThatThrownBy(() -> CustomerEmailValidator.builder().disposableDomainsFile(dir.resolve("missing.txt")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("missing.txt");
    }
}
