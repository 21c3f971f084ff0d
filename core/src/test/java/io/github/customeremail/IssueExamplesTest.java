package io.github.customeremail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The examples of the second accuracy round, through the public facade with the default configuration: what each
 * must become, so that a later change to the repairs, the dictionary or the Unicode data cannot silently undo them.
 */
class IssueExamplesTest {

    private final CustomerEmailValidator validator = CustomerEmailValidator.builder().build();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `juan@gmail,com`           | juan@gmail.com
            `juan@yahoo,com,mx`        | juan@yahoo.com.mx
            `juan@une,net,co`          | juan@une.net.co
            `juan@empresa,com,co`      | juan@empresa.com.co
            `juan@gmail,,com`          | juan@gmail.com
            `juan@gmail , com`         | juan@gmail.com
            """)
    void aCommaBeforeThePublicSuffixIsASafeRepair(String typed, String expected) {
        EmailCheck check = validator.checkOffline(typed);
        assertThat(check.verdict()).isEqualTo(Verdict.VALID);
        assertThat(check.normalized()).contains(expected);
        assertThat(check.has(FindingCode.COMMA_IN_DOMAIN_REPLACED)).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `joeblow@apa,che.org`      | INVALID | NONE
            `juan@gmai,l.com`          | SUGGEST | juan@gmail.com
            `juan@hotmai,l.com`        | SUGGEST | juan@hotmail.com
            `juan@mi,empresa.com.co`   | INVALID | NONE
            `juan@gmail,con`           | SUGGEST | juan@gmail.com
            """)
    void aCommaElsewhereNeverMakesANewValidDomain(String typed, Verdict verdict, String suggestion) {
        EmailCheck check = validator.checkOffline(typed);
        assertThat(check.verdict()).isEqualTo(verdict);
        assertThat(check.normalized()).isEmpty();
        assertThat(check.has(FindingCode.COMMA_IN_DOMAIN_REPLACED)).isFalse();
        assertThat(check.suggestion().map(Suggestion::address).orElse("NONE")).isEqualTo(suggestion);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            juan@example.com          | example.com
            juan@ventas.example.org   | example.org
            juan@EXAMPLE.net          | example.net
            juan@1.0.0.127.in-addr.arpa | .arpa
            juan@router.home.arpa     | .arpa
            juan@example.test         | .test
            juan@host.invalid         | .invalid
            juan@pc.localhost         | .localhost
            juan@impresora.local      | .local
            juan@abcdefgh.onion       | .onion
            juan@empresa.example      | .example
            """)
    void specialUseAndReservedNamesAreRefusedOffline(String typed, String name) {
        EmailCheck check = validator.checkOffline(typed);
        assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(check.has(FindingCode.SPECIAL_USE_DOMAIN)).isTrue();
        assertThat(check.finding(FindingCode.SPECIAL_USE_DOMAIN).orElseThrow().parameter("domain")).isEqualTo(name);
        assertThat(check.has(FindingCode.TLD_UNKNOWN)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            juan@myexample.com
            juan@example.com.co
            juan@examples.org
            juan@testing.com
            """)
    void namesThatOnlyResembleReservedOnesStayValid(String typed) {
        assertThat(validator.checkOffline(typed).verdict()).isEqualTo(Verdict.VALID);
    }

    @org.junit.jupiter.api.Test
    void anExtraTldOrTheAllowListAllowsAReservedNameAgain() {
        CustomerEmailValidator testSetup = CustomerEmailValidator.builder().extraTopLevelDomains("test").build();
        assertThat(testSetup.checkOffline("juan@example.test").verdict()).isEqualTo(Verdict.VALID);
        assertThat(testSetup.checkOffline("juan@example.com").has(FindingCode.SPECIAL_USE_DOMAIN)).isTrue();
        CustomerEmailValidator allowList = CustomerEmailValidator.builder()
                .allowedDomains("example.com", "gmail.com").build();
        assertThat(allowList.checkOffline("juan@example.com").verdict()).isEqualTo(Verdict.VALID);
        assertThat(allowList.checkOffline("juan@example.org").has(FindingCode.SPECIAL_USE_DOMAIN)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            test@email¡a.com
            juan@exam€ple.com
            juan@£.com
            juan@gmail¡.com
            me@⒈wouldbeinvalid.com
            me@yy--0.com
            me@ab--cd.com.co
            me@xn--abc.com
            juan@straße.de
            juan@a․b.com
            """)
    void labelsIdna2008RefusesAreInvalid(String typed) {
        EmailCheck check = validator.checkOffline(typed);
        assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(check.has(FindingCode.IDN_INVALID)).as("%s", check.findings()).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            maria@españa.es             | maria@xn--espaa-rta.es
            maria@ESPAÑA.es             | maria@xn--espaa-rta.es
            maria@xn--espaa-rta.es           | maria@xn--espaa-rta.es
            info@col·legi.cat           | info@xn--collegi-xma.cat
            info@bücher.de              | info@xn--bcher-kva.de
            juan@españa。es         | juan@xn--espaa-rta.es
            juan@españa．es         | juan@xn--espaa-rta.es
            juan@españa｡es         | juan@xn--espaa-rta.es
            """)
    void validInternationalNamesAreConvertedToALabels(String typed, String expected) {
        EmailCheck check = validator.checkOffline(typed);
        assertThat(check.verdict()).as("%s", check.findings()).isEqualTo(Verdict.VALID);
        assertThat(check.normalized()).contains(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            juan@gmaíl.com          | juan@gmail.com
            ana@gмаil.com      | ana@gmail.com
            juan@gmаil.com          | juan@gmail.com
            juan@xn--gmil-6na.com        | juan@gmail.com
            juan@HOTMÁIL.ES         | juan@hotmail.es
            juan@yаhοo.com.mx  | juan@yahoo.com.mx
            juan@outlöök.com   | juan@outlook.com
            juan@telefónica.net     | juan@telefonica.net
            juan@gmaíl.con          | juan@gmail.com
            """)
    void lookAlikesOfKnownDomainsGetTheRealDomain(String typed, String expected) {
        EmailCheck check = validator.checkOffline(typed);
        assertThat(check.verdict()).as("%s", check.findings()).isEqualTo(Verdict.SUGGEST);
        assertThat(check.has(FindingCode.LOOKALIKE_DOMAIN)).isTrue();
        assertThat(check.suggestion().map(Suggestion::address)).contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            juan@pаypal-pagos.com
            juan@xn--pypal-pagos-yij.com
            juan@tеstα.co
            """)
    void mixedScriptLabelsThatMatchNothingAreRefused(String typed) {
        EmailCheck check = validator.checkOffline(typed);
        assertThat(check.verdict()).as("%s", check.findings()).isEqualTo(Verdict.INVALID);
        assertThat(check.has(FindingCode.MIXED_SCRIPT_DOMAIN)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            maria@españa.es
            maria@españa.com
            juan@señales.com.co
            info@bücher.de
            ivan@почта.рф
            taro@ソニーsony.jp
            """)
    void genuineInternationalNamesStayValid(String typed) {
        EmailCheck check = validator.checkOffline(typed);
        assertThat(check.verdict()).as("%s", check.findings()).isEqualTo(Verdict.VALID);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            john.doe@yahoo.uk          | john.doe@yahoo.co.uk
            juan@hotmail.ar            | juan@hotmail.com.ar
            juan@yahoo.mx              | juan@yahoo.com.mx
            juan@gmail.col             | juan@gmail.com
            juan@hotmail.col           | juan@hotmail.com
            juan@yahoo.col             | juan@yahoo.com
            juan@grnail.com            | juan@gmail.com
            juan@hotrnail.com          | juan@hotmail.com
            juan@yahoo.corn            | juan@yahoo.com
            juan@uol.com.bt            | juan@uol.com.br
            juan@zipmail.com.bt        | juan@zipmail.com.br
            juan@prodigy.net.mz        | juan@prodigy.net.mx
            juan@virgilo.it            | juan@virgilio.it
            juan@seznan.cz             | juan@seznam.cz
            juan@hotmail.co.zs         | juan@hotmail.co.za
            """)
    void dictionarySlipsGetTheProvidersRealDomain(String typed, String expected) {
        EmailCheck check = validator.checkOffline(typed);
        assertThat(check.suggestion().map(Suggestion::address)).as("%s", check.findings()).contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            juan@yahoo.co.uk
            juan@yahoo.com.ar
            juan@hotmail.co.za
            juan@outlook.com.pe
            juan@live.com.my
            juan@yahoo.co.kr
            juan@gmx.co.uk
            juan@uol.com.mx
            juan@wp.pl
            juan@seznam.cz
            juan@virgilio.it
            juan@zipmail.com.br
            juan@terra.com.ar
            juan@protonmail.ch
            juan@freenet.de
            juan@rediffmail.com
            juan@yandex.ua
            juan@hotmail.cz
            """)
    void regionalDomainsOfProvidersStayAsTyped(String typed) {
        EmailCheck check = validator.checkOffline(typed);
        assertThat(check.verdict()).as("%s", check.findings()).isEqualTo(Verdict.VALID);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            juan@10-minute-mail.com
            juan@disposableinbox.com
            juan@emailnow.net
            juan@mailinator.com
            juan@guerrillamail.com
            juan@inbox.mailinator.com
            """)
    void disposableDomainsOfTheCommunityListAreRefused(String typed) {
        EmailCheck check = validator.checkOffline(typed);
        assertThat(check.verdict()).as("%s", check.findings()).isEqualTo(Verdict.INVALID);
        assertThat(check.has(FindingCode.DISPOSABLE_DOMAIN)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            juan@33mail.com
            juan.tienda@juan.33mail.com
            juan@addy.io
            juan@anonaddy.me
            juan@simplelogin.com
            juan@slmail.me
            juan@mozmail.com
            juan@duck.com
            juan@privaterelay.appleid.com
            juan@21cn.com
            """)
    void forwardingServicesAndRealProvidersAreNotDisposable(String typed) {
        EmailCheck check = validator.checkOffline(typed);
        assertThat(check.has(FindingCode.DISPOSABLE_DOMAIN)).as("%s", check.findings()).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            juan@gmai.com   | juan@gmail.com
            juan@gmil.com   | juan@gmail.com
            """)
    void aSlipOfAKnownProviderGetsTheSuggestionNotADisposableRefusal(String typed, String expected) {
        EmailCheck check = validator.checkOffline(typed);
        assertThat(check.verdict()).as("%s", check.findings()).isEqualTo(Verdict.SUGGEST);
        assertThat(check.suggestion().map(Suggestion::address)).contains(expected);
        assertThat(check.has(FindingCode.DISPOSABLE_DOMAIN)).isFalse();
    }
}
