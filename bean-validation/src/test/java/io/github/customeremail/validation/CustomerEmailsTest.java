package io.github.customeremail.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.CustomerEmailValidator;
import org.junit.jupiter.api.Test;

class CustomerEmailsTest {

    @Test
    void normalizesWhatCanBeParsed() {
        assertThat(CustomerEmails.normalizeOrKeep("  Juan.Perez@Gmail,com ")).isEqualTo("juan.perez@gmail.com");
        assertThat(CustomerEmails.normalizeOrKeep("mailto:Ana <Ana@UNE.net.co>;")).isEqualTo("ana@une.net.co");
    }

    @Test
    void keepsWhatCannotBeParsed() {
        assertThat(CustomerEmails.normalizeOrKeep("juan.gmail.com")).isEqualTo("juan.gmail.com");
        assertThat(CustomerEmails.normalizeOrKeep("")).isEmpty();
        assertThat(CustomerEmails.normalizeOrKeep(null)).isNull();
    }

    @Test
    void usesTheGivenValidatorsNormalization() {
        CustomerEmailValidator keepCase = CustomerEmailValidator.builder().lowercaseLocalPart(false).build();
        assertThat(CustomerEmails.normalizeOrKeep("Juan@Gmail.com", keepCase)).isEqualTo("Juan@gmail.com");
    }

    @Test
    void defaultValidatorIsShared() {
        assertThat(CustomerEmails.defaultValidator()).isSameAs(CustomerEmails.defaultValidator());
        assertThat(CustomerEmails.defaultValidator().mailDomainChecker()).isEmpty();
    }

    @Test
    void normalizingTwiceChangesNothing() {
        String once = CustomerEmails.normalizeOrKeep(" \"Juan <JUAN@Hotmail..com>\" ");
        assertThat(CustomerEmails.normalizeOrKeep(once)).isEqualTo(once);
    }
}
