package io.github.customeremail.examples.boot3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

@SpringBootTest
@AutoConfigureMockMvc
class Boot3ExampleApplicationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Contacts contacts;

    private ResultActions post(String email, String language) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/signups")
                .contentType(MediaType.APPLICATION_JSON).header("Accept-Language", language)
                .content("{\"email\": \"" + email + "\"}"));
    }

    @Test
    void theMessageFollowsTheRequestsLanguage() throws Exception {
        post("juan@hotmial.com", "es").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.reason").value("¿Quiso decir juan@hotmail.com?"));
        post("juan@hotmial.com", "en").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.reason").value("Did you mean juan@hotmail.com?"));
    }

    @Test
    void theApplicationsValidatorBeanIsTheOneUsed() throws Exception {
        post("ana@tumatera.com", "es").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.reason").value(
                        "Es una dirección de nuestra propia empresa (tumatera.com). "
                                + "Escriba la dirección propia del cliente."));
        post("facturacion@ferreteria-andina.com.co", "es").andExpect(status().isBadRequest());
    }

    @Test
    void theRepairedAddressIsStored() throws Exception {
        post("  Juan.Perez@Gmail,com ", "es").andExpect(status().isCreated())
                .andExpect(jsonPath("$.email").value("juan.perez@gmail.com"));
    }

    @Test
    void jpaRefusesAnInvalidAddressWithTheApplicationsValidator() {
        long before = contacts.count();
        assertThatThrownBy(() -> contacts.saveAndFlush(new Contact("juan@gmial.com")))
                .isInstanceOf(ConstraintViolationException.class);
        assertThatThrownBy(() -> contacts.saveAndFlush(new Contact("ana@tumatera.com")))
                .isInstanceOf(ConstraintViolationException.class).hasMessageContaining("(tumatera.com)");
        assertThat(contacts.count()).isEqualTo(before);
    }
}
