package io.github.customeremail.spring.app;

import org.springframework.data.jpa.repository.JpaRepository;

/** Customers on H2. */
public interface CustomerRepository extends JpaRepository<Customer, Long> {
}
