package io.github.customeremail.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest
@AutoConfigureMockMvc
class ExampleApplicationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Contacts contacts;

    private ResultActions signUp(String email, String language) throws Exception {
        return mvc.perform(post("/contacts").contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", language)
                .content("{\"name\": \"Juan Pérez\", \"email\": \"" + email + "\"}"));
    }

    @Test
    void aTypoGetsTheSuggestionInSpanishOrEnglish() throws Exception {
        signUp("juan.perez@gmial.com", "es-CO").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0]").value("email: ¿Quiso decir juan.perez@gmail.com?"));
        signUp("juan.perez@gmial.com", "en").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0]").value("email: Did you mean juan.perez@gmail.com?"));
    }

    @Test
    void applicationPropertiesConfigureThePolicy() throws Exception {
        signUp("ana@tumatera.com", "es").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0]").value(org.hamcrest.Matchers.containsString("tumatera.com")));
        signUp("facturacion@ferreteria-andina.com.co", "es").andExpect(status().isBadRequest());
        signUp("ana@ferreteria-andinaa.com.co", "es").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0]").value("email: ¿Quiso decir ana@ferreteria-andina.com.co?"));
    }

    @Test
    void theRepairedAddressIsSaved() throws Exception {
        signUp("  Juan.Perez@Gmail,com ", "es").andExpect(status().isCreated())
                .andExpect(jsonPath("$.email").value("juan.perez@gmail.com"));
        assertThat(contacts.findAll()).extracting(Contact::getEmail).contains("juan.perez@gmail.com");
    }

    @Test
    void actuatorReportsHealthAndCheckCounts() throws Exception {
        signUp("maria@hotmial.com", "es").andExpect(status().isBadRequest());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/metrics/customer.email.checks").param("tag", "verdict:SUGGEST"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.measurements[0].value").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1.0)));
    }
}
