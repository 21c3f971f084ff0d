package io.github.customeremail.service;

/** Addresses as they may appear in logs: the first letter of the mailbox and the domain ({@code j***@gmail.com}). */
final class Masked {

    private Masked() {
    }

    static String address(String address) {
        if (address == null) {
            return "null";
        }
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }
}
