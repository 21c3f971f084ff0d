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
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(importFile(args));
        }
        SpringApplication.run(CustomerEmailService.class, args);
    }

    /** {@code import FILE.jsonl [--spring.datasource.url=…]}: stores past notifications, then exits. */
    private static int importFile(String[] args) {
        if (args.length < 2 || args[1].startsWith("--")) {
            System.err.println("usage: java -jar customer-email-service.jar import FILE.jsonl [--setting=value…]");
            return 2;
        }
        java.nio.file.Path file = java.nio.file.Path.of(args[1]);
        if (!java.nio.file.Files.isReadable(file)) {
            System.err.println("cannot read " + file);
            return 2;
        }
        String[] rest = java.util.Arrays.copyOfRange(args, 2, args.length);
        try (org.springframework.context.ConfigurableApplicationContext context =
                     new org.springframework.boot.builder.SpringApplicationBuilder(CustomerEmailService.class)
                             .web(org.springframework.boot.WebApplicationType.NONE).run(rest)) {
            new ImportCommand(context.getBean(FeedbackIntake.class)).run(file, System.out);
            return 0;
        } catch (java.io.IOException e) {
            System.err.println("import failed: " + e.getMessage());
            return 1;
        }
    }
}
