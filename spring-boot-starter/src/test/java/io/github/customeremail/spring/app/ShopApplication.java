package io.github.customeremail.spring.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small shop back end for the starter's tests: a REST endpoint and a JPA entity on H2. */
@SpringBootApplication
public class ShopApplication {
}
