package io.github.customeremail.odoo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.EmailCheck;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How Odoo's email_normalize and the project's normalized address relate. */
class OdooAddressesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "Juan.Perez@Gmail.COM                     | juan.perez@gmail.com",
        "\"Juan Pérez\" <Juan@Example.com>         | juan@example.com",
        "ana@x.com, \"Ana 2\" <ana2@y.com>         | ana@x.com",
        "Ñandú@Ejemplo.com                        | Ñandú@ejemplo.com",
        "pedro@correo.ÉXITO                       | pedro@correo.éxito",
        "sin-arroba                               | NONE",
        "juan@localhost                           | juan@localhost"})
    void normalizesAsOdooDoes(String field, String expected) {
        assertThat(OdooAddresses.odooNormalize(field)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void agreesWithPythonsPortOfOdoosEmailNormalize() {
        java.util.List<String> fields = java.util.List.of("Juan.Perez@Gmail.COM", "\"Juan Pérez\" <Juan@Example.com>",
                "ana@x.com, \"Ana 2\" <ana2@y.com>", "Ñandú@Ejemplo.com", "pedro@correo.ÉXITO", "juan@localhost",
                "Pérez, Juan <juan@x.com>", "  espacios@x.com  ", "MAYUS@EJEMPLO.COM.AR",
                "\"Pérez, Juan\" <Juan@X.com>, otro@y.com", "<ventas@empresa.co>", "sin-arroba", "");
        java.util.List<Object> python = OdooStandin.pythonEmailNormalize(fields);
        for (int i = 0; i < fields.size(); i++) {
            Object expected = python.get(i);
            assertThat(OdooAddresses.odooNormalize(fields.get(i)).<Object>map(s -> s).orElse(false))
                    .as(fields.get(i)).isEqualTo(expected);
        }
    }

    @Test
    void findsFieldsHoldingSeveralAddresses() {
        assertThat(OdooAddresses.holdsSeveralAddresses("a@x.com, b@y.com")).isTrue();
        assertThat(OdooAddresses.holdsSeveralAddresses("a@x.com; b@y.com")).isTrue();
        assertThat(OdooAddresses.holdsSeveralAddresses("\"Pérez, Juan\" <juan@x.com>")).isFalse();
        assertThat(OdooAddresses.holdsSeveralAddresses("juan@x.com")).isFalse();
        assertThat(OdooAddresses.addresses("a@x.com, nota, <b@y.com>")).containsExactly("a@x.com", "b@y.com");
    }

    @Test
    void tellsWhereTheProjectAndOdooDisagree() {
        try (CustomerEmailValidator validator = CustomerEmailValidator.builder().build()) {
            // Plain ASCII: the same address.
            assertSame(validator, "Juan.Perez@Gmail.com", true);
            // Odoo keeps the case of a non-ASCII local part; the project lower-cases it.
            assertSame(validator, "Ñandú@gmail.com", false);
            // Odoo does no repairs: "gmail,com" stays wrong in email_normalized.
            assertSame(validator, "juan@gmail,com", false);
            // Several addresses: Odoo keeps the first; the project refuses the field as one address.
            OdooPartner several = partner("ana@x.com, pedro@y.com");
            assertThat(OdooAddresses.holdsSeveralAddresses(several.email().orElseThrow())).isTrue();
            assertThat(several.emailNormalized()).contains("ana@x.com");
        }
    }

    private static void assertSame(CustomerEmailValidator validator, String typed, boolean same) {
        OdooPartner partner = partner(typed);
        EmailCheck check = validator.checkOffline(typed);
        String project = check.normalized().orElseThrow();
        assertThat(OdooAddresses.storedNormalizedDiffers(partner, project)).as(typed + " → " + project)
                .isEqualTo(!same);
    }

    private static OdooPartner partner(String email) {
        return new OdooPartner(1, "x", Optional.of(email), OdooAddresses.odooNormalize(email), false, 0,
                "2025-01-01 00:00:00", Optional.empty(), Optional.empty());
    }
}
