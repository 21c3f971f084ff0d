package io.github.customeremail.cli;

import io.github.customeremail.CustomerEmailValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Options shared by {@code check} and {@code audit}. */
final class CommonOptions {

    /** Output format. */
    enum Format { text, json }

    /** Message language. */
    enum Lang { es, en }

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "Output format: text (default) or json (one JSON object per line).")
    Format format;

    @Option(names = "--dns", defaultValue = "system", paramLabel = "off|system|HOST[:PORT]",
            converter = DnsSetting.Converter.class,
            description = "Mail-domain (MX) check: off, system resolvers (default), or one DNS server.")
    DnsSetting dns;

    @Option(names = "--corporate-domain", paramLabel = "DOMAIN",
            description = "Your company's own domain (repeatable): it and its subdomains are refused.")
    List<String> corporateDomains = new ArrayList<>();

    @Option(names = "--lang", defaultValue = "es", paramLabel = "es|en",
            description = "Language of the messages: es (default) or en.")
    Lang lang;

    Locale locale() {
        return Locale.forLanguageTag(lang.name());
    }

    /** @return a validator configured from these options; the caller closes it */
    CustomerEmailValidator validator() {
        CustomerEmailValidator.Builder builder = CustomerEmailValidator.builder();
        dns.configure(builder);
        for (String domain : corporateDomains) {
            builder.corporateDomain(domain);
        }
        return builder.build();
    }
}
