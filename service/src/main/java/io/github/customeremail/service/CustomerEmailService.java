package io.github.customeremail.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The service that sits next to Odoo: address checks over HTTP, Amazon SES bounce and complaint feedback, and the
 * suppression list the validator consults. Start it with {@code java -jar customer-email-service.jar}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CustomerEmailService {

    /**
     * Starts the service.
     *
     * @param args Spring Boot command-line arguments ({@code --server.port=8080}, {@code --spring.datasource.url=…})
     */
    public static void main(String[] args) {
        SpringApplication.run(CustomerEmailService.class, args);
    }
}
