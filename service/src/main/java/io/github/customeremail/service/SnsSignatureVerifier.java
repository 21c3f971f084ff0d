package io.github.customeremail.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * Verifies SNS message signatures, SignatureVersion 1 (SHA1withRSA) and 2 (SHA256withRSA), over the string to
 * sign AWS documents, with the certificate from {@link SigningCertificates}.
 */
class SnsSignatureVerifier {

    /** Why a message was refused. */
    static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;

        Rejected(String reason) {
            super(reason);
        }
    }

    private final SigningCertificates certificates;

    SnsSignatureVerifier(SigningCertificates certificates) {
        this.certificates = certificates;
    }

    void verify(SnsMessage message) throws Rejected {
        String algorithm = switch (message.get("SignatureVersion")) {
            case "1" -> "SHA1withRSA";
            case "2" -> "SHA256withRSA";
            default -> throw new Rejected("unsupported SignatureVersion");
        };
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(message.get("Signature"));
        } catch (IllegalArgumentException e) {
            throw new Rejected("the Signature is not base64");
        }
        X509Certificate certificate;
        try {
            certificate = certificates.get(message.get("SigningCertURL"));
        } catch (SigningCertificates.Refused e) {
            throw new Rejected(e.getMessage());
        }
        try {
            certificate.checkValidity();
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new Rejected("the signing certificate is expired or not yet valid");
        }
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(message.stringToSign().getBytes(StandardCharsets.UTF_8));
            if (!verifier.verify(signature)) {
                throw new Rejected("the signature does not match the message");
            }
        } catch (GeneralSecurityException e) {
            throw new Rejected("the signature could not be checked: " + e.getClass().getSimpleName());
        }
    }
}
