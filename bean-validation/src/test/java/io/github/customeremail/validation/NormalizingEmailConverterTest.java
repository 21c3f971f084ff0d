package io.github.customeremail.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.CustomerEmailValidator;
import org.junit.jupiter.api.Test;

class NormalizingEmailConverterTest {

    @Test
    void storesTheRepairedAddressAndReadsTheColumnAsIs() {
        NormalizingEmailConverter converter = new NormalizingEmailConverter();
        assertThat(converter.convertToDatabaseColumn("  Juan.Perez@Gmail,com ")).isEqualTo("juan.perez@gmail.com");
        assertThat(converter.convertToDatabaseColumn("no address at all")).isEqualTo("no address at all");
        assertThat(converter.convertToDatabaseColumn("juan@gmial.com")).isEqualTo("juan@gmial.com"); // no typo fix
        assertThat(converter.convertToDatabaseColumn(null)).isNull();
        assertThat(converter.convertToEntityAttribute("Juan@Gmail.com")).isEqualTo("Juan@Gmail.com");
    }

    @Test
    void followsTheGivenValidatorsNormalization() {
        NormalizingEmailConverter keepsCase = new NormalizingEmailConverter(
                CustomerEmailValidator.builder().lowercaseLocalPart(false).build());
        assertThat(keepsCase.convertToDatabaseColumn(" Juan.Perez@Gmail.com")).isEqualTo("Juan.Perez@gmail.com");
    }
}
