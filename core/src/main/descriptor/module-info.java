/**
 * customer-email core: normalizer, strict parser, typo corrector, policy and result types, with the bundled data
 * and messages. No dependencies beyond {@code java.base}.
 */
module io.github.customeremail {
    exports io.github.customeremail;
}
