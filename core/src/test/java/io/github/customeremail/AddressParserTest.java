package io.github.customeremail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressParserTest {

    private static final Locale ES = Locale.forLanguageTag("es");
    private final AddressParser parser = AddressParser.strict();

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ``                                   | EMPTY
            juan.gmail.com                       | MISSING_AT
            juan@@gmail.com                      | MULTIPLE_AT
            juan@ana@gmail.com                   | MULTIPLE_AT
            `juan@gmail.com\r\nBcc: x@y.com`     | CONTROL_CHARACTER
            juan perez@gmail.com                 | SPACE_INSIDE
            @gmail.com                           | LOCAL_PART_EMPTY
            aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@gmail.com | LOCAL_PART_TOO_LONG
            `juan,perez@gmail.com`               | LOCAL_PART_INVALID_CHARACTER
            juan<perez@gmail.com                 | LOCAL_PART_INVALID_CHARACTER
            juan€@gmail.com                      | LOCAL_PART_INVALID_CHARACTER
            .juan@gmail.com                      | LOCAL_PART_DOT
            juan.@gmail.com                      | LOCAL_PART_DOT
            juan..perez@gmail.com                | LOCAL_PART_DOT
            "juan perez"@gmail.com               | QUOTED_LOCAL_PART
            juan(casa)@gmail.com                 | COMMENT
            juan@                                | DOMAIN_EMPTY
            juan@[192.0.2.1]                     | DOMAIN_LITERAL
            juan@[IPv6:2001:db8::1]              | DOMAIN_LITERAL
            juan@gmail_co.com                    | DOMAIN_INVALID_CHARACTER
            juan@.gmail.com                      | DOMAIN_LABEL_EMPTY
            juan@gmail.com.                      | DOMAIN_LABEL_EMPTY
            juan@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com | DOMAIN_LABEL_TOO_LONG
            juan@-gmail.com                      | DOMAIN_LABEL_HYPHEN
            juan@gmail-.com                      | DOMAIN_LABEL_HYPHEN
            juan@gmail                           | DOMAIN_NO_TLD
            juan@gmail.con                       | TLD_UNKNOWN
            juan@gmail.123                       | TLD_UNKNOWN
            juan@xn--zz.com                      | IDN_INVALID
            juan@straße.de                       | IDN_INVALID
            """)
    void eachRejectionHasItsCodeAndMessagesInBothLanguages(String address, FindingCode code) {
        ParseResult result = parser.parse(address);
        assertThat(result).isInstanceOf(ParseResult.Rejected.class);
        Finding reason = ((ParseResult.Rejected) result).reason();
        assertThat(reason.code()).isEqualTo(code);
        assertThat(reason.severity()).isEqualTo(Severity.ERROR);
        assertThat(reason.message(Locale.ENGLISH)).isNotBlank().doesNotContain("{");
        assertThat(reason.message(ES)).isNotBlank().doesNotContain("{")
                .isNotEqualTo(reason.message(Locale.ENGLISH));
    }

    @ParameterizedTest
    @ValueSource(strings = {"juan\u0000@gmail.com", "juan\u0085@gmail.com", "juan\u007F@gmail.com", "juan@gmail.com\u2028",
            "juan\t@gmail.com", "juan@gm\u001Bail.com"})
    void controlCharactersAnywhereAreRefused(String address) {
        assertThat(code(parser.parse(address))).isEqualTo(FindingCode.CONTROL_CHARACTER);
    }

    @Test
    void tooLongAddressesAreRefusedBeforeAnyOtherWork() {
        String local = "a".repeat(64);
        String domain = ("b".repeat(63) + ".").repeat(3) + "com";
        assertThat(code(parser.parse(local + "@" + domain))).isEqualTo(FindingCode.TOO_LONG);
        assertThat(code(parser.parse("x".repeat(1_000_000)))).isEqualTo(FindingCode.TOO_LONG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"juan@gmail.com", "juan.perez+facturas@empresa.com.co", "o'brien@example.ie",
            "a@b.co", "ventas-2024@mi-empresa.com.mx", "x_y@sub.domain.example.org", "josé@example.es",
            "JUAN@GMAIL.COM", "user@xn--espaa-rta.es"})
    void acceptsCustomerAddresses(String address) {
        assertThat(parser.parse(address)).isInstanceOf(ParsedAddress.class);
    }

    @Test
    void aUnicodeLabelThatConvertsToABrokenALabelIsRefused() {
        // Found by fuzzing: IDNA 2003 drops U+034F, leaving "xn--5p33qom9", whose Punycode does not round-trip.
        assertThat(code(parser.parse("j@\u034Fxn--5p33qom9.co"))).isEqualTo(FindingCode.IDN_INVALID);
        assertThat(code(parser.parse("j@xn--5p33qom9.co"))).isEqualTo(FindingCode.IDN_INVALID);
    }

    @Test
    void internationalDomainsBecomeALabels() {
        ParsedAddress a = (ParsedAddress) parser.parse("maria@españa.es");
        assertThat(a.domain()).isEqualTo("xn--espaa-rta.es");
        assertThat(a.unicodeDomain()).isEqualTo("españa.es");
        assertThat(a.internationalDomain()).isTrue();
        assertThat(a.address()).isEqualTo("maria@xn--espaa-rta.es");
    }

    @Test
    void theDomainIsLowerCasedAndTheLocalPartKept() {
        ParsedAddress a = (ParsedAddress) parser.parse("Juan@GMAIL.COM");
        assertThat(a.localPart()).isEqualTo("Juan");
        assertThat(a.domain()).isEqualTo("gmail.com");
        assertThat(a.topLevelDomain()).isEqualTo("com");
    }

    @Test
    void theBundledTldListIsLoadedWithItsVersion() {
        assertThat(AddressParser.tldListVersion()).startsWith("Version ");
        assertThat(TopLevelDomains.bundled().size()).isGreaterThan(1000);
        assertThat(TopLevelDomains.bundled().exists("co")).isTrue();
        assertThat(TopLevelDomains.bundled().exists("xn--p1ai")).isTrue();
        assertThat(TopLevelDomains.bundled().exists("con")).isFalse();
        // a region of the address, whatever its case, without a substring
        assertThat(TopLevelDomains.bundled().exists("juan@GMAIL.Com", 11, 14)).isTrue();
        assertThat(TopLevelDomains.bundled().exists("juan@GMAIL.CON", 11, 14)).isFalse();
        assertThat(TopLevelDomains.bundled().plus(java.util.Set.of("test")).exists("a@b.TEST", 4, 8)).isTrue();
    }

    private static FindingCode code(ParseResult r) {
        return ((ParseResult.Rejected) r).reason().code();
    }
}
