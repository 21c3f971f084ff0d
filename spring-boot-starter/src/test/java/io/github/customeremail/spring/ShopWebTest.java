package io.github.customeremail.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.Verdict;
import io.github.customeremail.dns.DnsMailDomainChecker;
import io.github.customeremail.dns.testing.LoopbackDnsServer;
import io.github.customeremail.spring.app.Customer;
import io.github.customeremail.spring.app.CustomerRepository;
import io.github.customeremail.spring.app.ShopApplication;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The whole application as a user runs it: MVC with {@code @Valid}, JPA on H2, Actuator, properties from
 * {@code application.properties}-style test properties, and DNS against an in-process server on 127.0.0.1.
 */
@SpringBootTest(classes = ShopApplication.class, properties = {
        "customer-email.corporate-domains=tumatera.com",
        "customer-email.lowercase-local-part=false",
        "customer-email.dns.enabled=true",
        "customer-email.dns.deadline=10s", // generous: the in-process server answers, however busy the machine
        "customer-email.dns.health.canary-domain=example.test",
        "customer-email.extra-top-level-domains=test",
        "management.endpoints.web.exposure.include=health,metrics",
        "management.endpoint.health.show-details=always"})
@AutoConfigureMockMvc
class ShopWebTest {

    static final LoopbackDnsServer DNS = startDns();

    static LoopbackDnsServer startDns() {
        try {
            LoopbackDnsServer dns = LoopbackDnsServer.start();
            dns.mx("example.test", 10, "mail.example.test").a("mail.example.test", "11.22.33.44");
            return dns;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void dnsServer(DynamicPropertyRegistry registry) {
        registry.add("customer-email.dns.servers", () -> "127.0.0.1:" + DNS.port());
    }

    @AfterAll
    static void stopDns() {
        DNS.close();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    CustomerRepository customers;
    @Autowired
    CustomerEmailValidator validator;
    @Autowired
    MeterRegistry meters;

    private ResultActions postCustomer(String path, String email, String language) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).header("Accept-Language", language)
                .content("{\"name\":\"Juan\",\"email\":\"" + email + "\"}"));
    }

    @Test
    void aTypoIsRefusedInTheRequestsLanguage() throws Exception {
        postCustomer("/customers", "juan@gmial.com", "es")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("email"))
                .andExpect(jsonPath("$.errors[0].message").value("¿Quiso decir juan@gmail.com?"));
        postCustomer("/customers", "juan@gmial.com", "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("Did you mean juan@gmail.com?"));
    }

    @Test
    void whatTheUserTypedIsNeverInterpretedInTheMessage() throws Exception {
        // Boot 4.0.7 brings Hibernate Validator 9.0, which lacks 9.1's parameter escaping: the module escapes itself.
        postCustomer("/customers", "${1+1}{verdict}@hotmial.com", "es")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("¿Quiso decir ${1+1}{verdict}@hotmail.com?"));
    }

    @Test
    void theCorporateDomainFromThePropertiesIsRefused() throws Exception {
        postCustomer("/customers", "ventas@tumatera.com", "es")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(
                        "Es una dirección de nuestra propia empresa (tumatera.com). "
                                + "Escriba la dirección propia del cliente."));
    }

    @Test
    void aRepairableAddressIsStoredNormalized() throws Exception {
        postCustomer("/customers", "  Juan.Perez@Gmail,com ", "es")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.email").value("Juan.Perez@gmail.com")); // local part's case kept
    }

    @Test
    void jpaRefusesAnInvalidAddressInTheRequestsLanguage() throws Exception {
        long before = customers.count();
        postCustomer("/customers/unchecked", "juan@gmial.com", "es")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("email"))
                .andExpect(jsonPath("$.errors[0].message").value("¿Quiso decir juan@gmail.com?"));
        postCustomer("/customers/unchecked", "ventas@tumatera.com", "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(
                        "This is an address of our own company (tumatera.com). Enter the customer's own address."));
        assertThat(customers.count()).isEqualTo(before);
    }

    @Test
    void jpaStoresTheNormalizedAddressThroughTheConverter() throws Exception {
        postCustomer("/customers/unchecked", " Ana.Gomez@Hotmail,com", "es")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.email").value(" Ana.Gomez@Hotmail,com")); // the entity as given
        // Hibernate creates the converter through Spring, which passes it the application's validator: the column
        // follows customer-email.lowercase-local-part=false.
        assertThat(customers.findAll()).extracting(Customer::getEmail).contains("Ana.Gomez@hotmail.com");
    }

    @Test
    void persistingAnInvalidAddressOutsideARequestIsRefused() {
        assertThatThrownBy(() -> customers.saveAndFlush(new Customer("Ventas", "ventas@tumatera.com")))
                .isInstanceOf(ConstraintViolationException.class)
                .hasMessageContaining("propertyPath=email").hasMessageContaining("(tumatera.com)");
    }

    @Test
    void healthIsUpWhenTheDnsServerAnswers() throws Exception {
        mvc.perform(get("/actuator/health/customerEmailDns"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.details.answer").value("NOERROR"))
                .andExpect(jsonPath("$.details.servers[0]").value("127.0.0.1:" + DNS.port()))
                .andExpect(jsonPath("$.details.cacheHits").isNumber());
    }

    @Test
    void theValidatorChecksMailDomainsThroughTheConfiguredServer() {
        assertThat(validator.mailDomainChecker()).get().isInstanceOf(DnsMailDomainChecker.class);
        assertThat(validator.check("juan@example.test").verdict()).isEqualTo(Verdict.VALID);
        assertThat(validator.check("juan@nowhere.test").verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void metricsCountChecksFindingsAndLookups() throws Exception {
        double suggested = count("customer.email.checks", "verdict", "SUGGEST");
        double typos = count("customer.email.findings", "code", "DOMAIN_TYPO");
        postCustomer("/customers", "maria@gmial.com", "es").andExpect(status().isBadRequest());
        assertThat(count("customer.email.checks", "verdict", "SUGGEST")).isEqualTo(suggested + 1);
        assertThat(count("customer.email.findings", "code", "DOMAIN_TYPO")).isEqualTo(typos + 1);

        double misses = meters.get("customer.email.mx.cache.misses").functionCounter().count();
        double hits = meters.get("customer.email.mx.cache.hits").functionCounter().count();
        validator.check("metrics@metrics.test");   // NXDOMAIN: looked up, then cached
        validator.check("metrics@metrics.test");
        assertThat(meters.get("customer.email.mx.cache.misses").functionCounter().count()).isEqualTo(misses + 1);
        assertThat(meters.get("customer.email.mx.cache.hits").functionCounter().count()).isEqualTo(hits + 1);
        assertThat(meters.get("customer.email.dns.lookups").tag("outcome", "NoSuchDomain").timer().count())
                .isGreaterThanOrEqualTo(1);
        assertThat(meters.get("customer.email.mx.cache.size").gauge().value()).isGreaterThanOrEqualTo(1);
    }

    private double count(String name, String tag, String value) {
        var counter = meters.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }
}
