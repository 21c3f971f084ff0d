package io.github.customeremail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyTest {

    static final Locale ES = Locale.forLanguageTag("es");
    static final Locale EN = Locale.ENGLISH;

    static Finding only(EmailCheck check, FindingCode code) {
        List<Finding> found = check.findings().stream().filter(f -> f.code().equals(code)).toList();
        assertThat(found).as("findings with code %s in %s", code, check.findings()).hasSize(1);
        return found.get(0);
    }

    static boolean has(EmailCheck check, FindingCode code) {
        return check.findings().stream().anyMatch(f -> f.code().equals(code));
    }

    @Nested
    class DomainLists {

        final CustomerEmailValidator validator = CustomerEmailValidator.builder()
                .corporateDomains("tumatera.com")
                .corporateDomain("TumaTera.com.co.")
                .blockedDomains("competidor.com.mx")
                .build();

        @Test
        void corporateDomainAndSubdomainsAreInvalid() {
            EmailCheck check = CustomerEmailValidator.builder().corporateDomains("tumatera.com").build()
                    .check("juan@ventas.tumatera.com");
            assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
            Finding f = only(check, FindingCode.CORPORATE_DOMAIN);
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.parameter("domain")).isEqualTo("tumatera.com");
            assertThat(f.message(EN)).isEqualTo(
                    "This is an address of our own company (tumatera.com). Enter the customer's own address.");
            assertThat(f.message(ES)).isEqualTo(
                    "Es una dirección de nuestra propia empresa (tumatera.com). Escriba la dirección propia del cliente.");
        }

        @Test
        void matchedAfterNormalization() {
            EmailCheck check = validator.check("JUAN@TUMATERA,COM");
            assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
            assertThat(only(check, FindingCode.CORPORATE_DOMAIN).parameter("domain")).isEqualTo("tumatera.com");
            assertThat(has(check, FindingCode.COMMA_IN_DOMAIN_REPLACED)).isTrue();
        }

        @Test
        void configuredValueIsCaseAndTrailingDotInsensitive() {
            EmailCheck check = validator.check("pedro@tumatera.com.co");
            assertThat(only(check, FindingCode.CORPORATE_DOMAIN).parameter("domain")).isEqualTo("tumatera.com.co");
        }

        @Test
        void suffixesAreNotSubdomains() {
            assertThat(validator.check("juan@nottumatera.com").verdict()).isEqualTo(Verdict.VALID);
            CustomerEmailValidator onlyCom = CustomerEmailValidator.builder().corporateDomains("tumatera.com").build();
            assertThat(onlyCom.check("juan@tumatera.com.co").verdict()).isEqualTo(Verdict.VALID);
        }

        @Test
        void blockedDomain() {
            EmailCheck check = validator.check("ana@compras.competidor.com.mx");
            assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
            Finding f = only(check, FindingCode.BLOCKED_DOMAIN);
            assertThat(f.parameter("domain")).isEqualTo("competidor.com.mx");
            assertThat(f.message(EN)).isEqualTo("Addresses at competidor.com.mx are not accepted.");
            assertThat(f.message(ES)).isEqualTo("No se aceptan direcciones de competidor.com.mx.");
        }

        @Test
        void allowList() {
            CustomerEmailValidator v = CustomerEmailValidator.builder()
                    .allowedDomains("cliente.com", "gmail.com").corporateDomains("tumatera.com").build();
            assertThat(v.check("juan.perez@gmail.com").verdict()).isEqualTo(Verdict.VALID);
            assertThat(v.check("juan@sede.cliente.com").verdict()).isEqualTo(Verdict.VALID);
            EmailCheck check = v.check("juan@otro.com");
            assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
            Finding f = only(check, FindingCode.DOMAIN_NOT_ALLOWED);
            assertThat(f.parameter("domain")).isEqualTo("otro.com");
            assertThat(f.message(EN)).isEqualTo(
                    "Only addresses at the allowed domains are accepted; otro.com is not one of them.");
            assertThat(f.message(ES)).isEqualTo(
                    "Solo se aceptan direcciones de los dominios permitidos; otro.com no es uno de ellos.");
            // the corporate domain is refused as such, not as "not allowed"
            assertThat(has(v.check("juan@tumatera.com"), FindingCode.CORPORATE_DOMAIN)).isTrue();
        }

        @Test
        void internationalizedConfiguredDomainComparedInALabelForm() {
            CustomerEmailValidator v = CustomerEmailValidator.builder().corporateDomains("Cañón.com").build();
            EmailCheck check = v.check("juan@CAÑÓN.com");
            assertThat(check.normalized()).contains("juan@" + IDN.toASCII("cañón.com"));
            assertThat(only(check, FindingCode.CORPORATE_DOMAIN).parameter("domain")).isEqualTo("cañón.com");
            assertThat(v.check("juan@" + IDN.toASCII("cañón.com")).verdict()).isEqualTo(Verdict.INVALID);
            CustomerEmailValidator aLabel = CustomerEmailValidator.builder()
                    .corporateDomains(IDN.toASCII("cañón.com").toUpperCase(Locale.ROOT)).build();
            assertThat(aLabel.check("juan@cañón.com").verdict()).isEqualTo(Verdict.INVALID);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "tumatera", "@tumatera.com", "juan@tumatera.com", "*.tumatera.com",
                "tuma tera.com", "-tumatera.com", "tumatera..com", "tumatera_sa.com"})
        void badConfiguredDomainsAreRefusedAndChangeNothing(String bad) {
            CustomerEmailValidator.Builder b = CustomerEmailValidator.builder();
            assertThatThrownBy(() -> b.corporateDomains("ok.com", bad))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(b.build().check("juan@ok.com").verdict()).isEqualTo(Verdict.VALID);
        }
    }

    @Nested
    class Disposable {

        @ParameterizedTest
        @ValueSource(strings = {"juan@mailinator.com", "juan@guerrillamail.com", "juan@10minutemail.com",
                "juan@yopmail.com", "juan@temp-mail.org", "juan@trashmail.com", "juan@sharklasers.com",
                "juan@dispostable.com", "juan@maildrop.cc", "juan@getnada.com", "juan@eu.mailinator.com"})
        void bundledDisposableDomainsAreInvalid(String address) {
            EmailCheck check = CustomerEmailValidator.builder().build().check(address);
            assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
            assertThat(only(check, FindingCode.DISPOSABLE_DOMAIN).severity()).isEqualTo(Severity.ERROR);
        }

        @Test
        void messagesInBothLanguages() {
            Finding f = only(CustomerEmailValidator.builder().build().check("juan@mail.yopmail.com"),
                    FindingCode.DISPOSABLE_DOMAIN);
            assertThat(f.parameter("domain")).isEqualTo("yopmail.com");
            assertThat(f.message(EN)).isEqualTo(
                    "yopmail.com provides temporary mailboxes that soon stop working. Ask for a permanent address.");
            assertThat(f.message(ES)).isEqualTo(
                    "yopmail.com ofrece buzones temporales que dejan de funcionar pronto. Pida una dirección permanente.");
        }

        @Test
        void switchAndExtraDomains() {
            assertThat(CustomerEmailValidator.builder().disposableDomainCheck(false).build()
                    .check("juan@mailinator.com").verdict()).isEqualTo(Verdict.VALID);
            CustomerEmailValidator v = CustomerEmailValidator.builder().disposableDomains("Desechable.com.co").build();
            assertThat(only(v.check("juan@desechable.com.co"), FindingCode.DISPOSABLE_DOMAIN).parameter("domain"))
                    .isEqualTo("desechable.com.co");
            assertThat(v.check("juan@mailinator.com").verdict()).isEqualTo(Verdict.INVALID);
            assertThat(CustomerEmailValidator.builder().build().check("juan@desechable.com.co").verdict())
                    .isEqualTo(Verdict.VALID);
        }

        @Test
        void bundledListIsCanonicalAndHasNoPopularProvider() {
            List<String> list = DisposableDomainRule.bundled();
            assertThat(list).hasSizeGreaterThan(50).doesNotHaveDuplicates()
                    .contains("mailinator.com", "guerrillamail.com", "10minutemail.com", "yopmail.com",
                            "temp-mail.org", "trashmail.com", "sharklasers.com", "dispostable.com", "maildrop.cc",
                            "getnada.com")
                    .doesNotContain("gmail.com", "hotmail.com", "outlook.com", "yahoo.com", "icloud.com",
                            "une.net.co", "telefonica.net", "duck.com", "simplelogin.com");
            for (String d : list) {
                assertThat(DomainSet.canonical(d)).isEqualTo(d);
            }
        }
    }

    @Nested
    class RoleAccounts {

        @ParameterizedTest
        @ValueSource(strings = {"info", "ventas", "facturacion", "admin", "noreply", "no-reply", "contacto",
                "contabilidad", "compras", "soporte", "gerencia", "rrhh", "sales", "support", "billing", "postmaster",
                "webmaster", "Ventas+2024"})
        void roleAccountsAreWarningsByDefault(String local) {
            EmailCheck check = CustomerEmailValidator.builder().build().check(local + "@empresa.com.co");
            assertThat(check.verdict()).isEqualTo(Verdict.VALID);
            Finding f = only(check, FindingCode.ROLE_ACCOUNT);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.parameter("localPart")).isEqualTo(local.toLowerCase(Locale.ROOT).replace("+2024", ""));
        }

        @Test
        void messagesInBothLanguages() {
            Finding f = only(CustomerEmailValidator.builder().build().check("facturacion+odoo@empresa.com.co"),
                    FindingCode.ROLE_ACCOUNT);
            assertThat(f.message(EN)).isEqualTo(
                    "\"facturacion\" is a shared mailbox of a department, not a person's. Check that it is the right one.");
            assertThat(f.message(ES)).isEqualTo(
                    "\"facturacion\" es un buzón compartido de un área, no de una persona. Verifique que sea el correcto.");
        }

        @Test
        void configurable() {
            assertThat(CustomerEmailValidator.builder().roleAccounts(RuleMode.INVALID).build()
                    .check("ventas@empresa.com").verdict()).isEqualTo(Verdict.INVALID);
            EmailCheck off = CustomerEmailValidator.builder().roleAccounts(RuleMode.OFF).build()
                    .check("ventas@empresa.com");
            assertThat(has(off, FindingCode.ROLE_ACCOUNT)).isFalse();
        }

        @Test
        void personalNamesAreNotRoles() {
            for (String local : List.of("juan", "information.systems", "ventas.juan", "infoo", "juan.info")) {
                assertThat(has(CustomerEmailValidator.builder().build().check(local + "@empresa.com"),
                        FindingCode.ROLE_ACCOUNT)).as(local).isFalse();
            }
        }
    }

    @Nested
    class NonAsciiLocalPart {

        @Test
        void invalidByDefaultWithMessages() {
            EmailCheck check = CustomerEmailValidator.builder().build().check("josé@empresa.com");
            assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
            Finding f = only(check, FindingCode.NON_ASCII_LOCAL_PART);
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message(EN)).startsWith("The part before the @ has accents or non-Latin characters");
            assertThat(f.message(ES)).startsWith("La parte antes de la @ tiene tildes o caracteres no latinos");
        }

        @Test
        void configurable() {
            EmailCheck warn = CustomerEmailValidator.builder().nonAsciiLocalPart(RuleMode.WARNING).build()
                    .check("josé@empresa.com");
            assertThat(warn.verdict()).isEqualTo(Verdict.VALID);
            assertThat(only(warn, FindingCode.NON_ASCII_LOCAL_PART).severity()).isEqualTo(Severity.WARNING);
            EmailCheck off = CustomerEmailValidator.builder().nonAsciiLocalPart(RuleMode.OFF).build()
                    .check("josé@empresa.com");
            assertThat(off.verdict()).isEqualTo(Verdict.VALID);
            assertThat(has(off, FindingCode.NON_ASCII_LOCAL_PART)).isFalse();
        }
    }

    @Nested
    class CustomRules {

        static final FindingCode ACME = FindingCode.custom("ACME_NO_TEST_ADDRESSES");

        @Test
        void customRuleWithItsOwnMessage() {
            CustomerEmailValidator v = CustomerEmailValidator.builder()
                    .rule(a -> a.localPart().startsWith("test")
                            ? Optional.of(Finding.of(ACME, Severity.ERROR, "message", "No test addresses, please."))
                            : Optional.empty())
                    .build();
            EmailCheck check = v.check("test1@empresa.com");
            assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
            Finding f = only(check, ACME);
            assertThat(f.message(EN)).isEqualTo("No test addresses, please.");
            assertThat(f.message(ES)).isEqualTo("No test addresses, please.");
            assertThat(v.check("juan@empresa.com").verdict()).isEqualTo(Verdict.VALID);
        }

        @Test
        void rulesRunCheapestFirstAndStopAtTheFirstError() {
            List<String> calls = new ArrayList<>();
            PolicyRule expensive = PolicyRule.named("expensive", PolicyRule.EXPENSIVE, a -> {
                calls.add("expensive");
                return Optional.empty();
            });
            PolicyRule cheapWarning = PolicyRule.named("cheap", 1, a -> {
                calls.add("cheap");
                return Optional.of(Finding.of(FindingCode.custom("ACME_CHEAP"), Severity.WARNING));
            });
            PolicyRule middleError = PolicyRule.named("middle", 50, a -> {
                calls.add("middle");
                return Optional.of(Finding.of(FindingCode.custom("ACME_MIDDLE"), Severity.ERROR));
            });
            CustomerEmailValidator v = CustomerEmailValidator.builder()
                    .rule(expensive).rule(middleError).rule(cheapWarning).build();
            EmailCheck check = v.check("juan@empresa.com");
            assertThat(calls).containsExactly("cheap", "middle");
            assertThat(check.findings()).extracting(f -> f.code().id()).containsExactly("ACME_CHEAP", "ACME_MIDDLE");
            // a built-in error (cost 10) stops before any custom rule
            calls.clear();
            v = CustomerEmailValidator.builder().corporateDomains("tumatera.com").rule(expensive).build();
            assertThat(v.check("juan@tumatera.com").verdict()).isEqualTo(Verdict.INVALID);
            assertThat(calls).isEmpty();
        }

        @Test
        void aThrowingRuleIsReportedByNameAndCheckDoesNotThrow() {
            CustomerEmailValidator v = CustomerEmailValidator.builder()
                    .rule(PolicyRule.named("acme-crm-lookup", 5, a -> {
                        throw new IllegalStateException("boom");
                    }))
                    .build();
            EmailCheck check = v.check("juan@empresa.com");
            assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
            assertThat(check.normalized()).contains("juan@empresa.com");
            Finding f = only(check, FindingCode.POLICY_RULE_FAILED);
            assertThat(f.parameter("rule")).isEqualTo("acme-crm-lookup");
            assertThat(f.parameter("error")).isEqualTo("java.lang.IllegalStateException");
            assertThat(f.message(EN)).isEqualTo(
                    "The address could not be fully checked: the rule \"acme-crm-lookup\" failed. Please report it.");
            assertThat(f.message(ES)).isEqualTo(
                    "No se pudo verificar del todo la dirección: falló la regla \"acme-crm-lookup\". Por favor, infórmelo.");
        }

        @Test
        void nullResultMeansNothingToSay() {
            CustomerEmailValidator v = CustomerEmailValidator.builder().rule(a -> null).build();
            assertThat(v.check("juan@empresa.com").verdict()).isEqualTo(Verdict.VALID);
        }
    }

    @Test
    void policyDoesNotRunOnUnparsableInput() {
        CustomerEmailValidator v = CustomerEmailValidator.builder().rule(a -> {
            throw new AssertionError("must not be called");
        }).build();
        assertThat(v.check("not an address").verdict()).isEqualTo(Verdict.INVALID);
        assertThat(v.check(null).verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void plainAddressesStayValidWithNoFindings() {
        CustomerEmailValidator v = CustomerEmailValidator.builder().corporateDomains("tumatera.com").build();
        for (String a : List.of("juan.perez@gmail.com", "maria_lopez@hotmail.com", "carlos.ruiz@yahoo.com.mx",
                "ana@une.net.co", "pedro-gomez@empresa.com.ar")) {
            EmailCheck check = v.check(a);
            assertThat(check.verdict()).as(a).isEqualTo(Verdict.VALID);
            assertThat(check.findings()).as(a).isEmpty();
        }
    }
}
