package io.github.customeremail.examples.boot;

import org.springframework.data.jpa.repository.JpaRepository;

/** Contacts in the database. */
public interface Contacts extends JpaRepository<Contact, Long> {
}
