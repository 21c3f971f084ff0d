/**
 * {@code @ValidCustomerEmail}: a Jakarta Bean Validation constraint for customer email fields.
 */
package io.github.customeremail.validation;
