package io.github.customeremail.cli;

import io.github.customeremail.CustomerEmailValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Options shared by {@code check} and {@code audit}. */
final class CommonOptions {

    /** Output format; the option's values are case-insensitive ({@code text}, {@code json}). */
    enum Format { TEXT, JSON }

    /** Message language; the option's values are case-insensitive language tags ({@code es}, {@code en}, {@code pt}). */
    enum Lang {
        ES, EN, PT;

        Locale locale() {
            return Locale.forLanguageTag(name().toLowerCase(Locale.ROOT));
        }
    }

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "Output format: text (default) or json (check: one JSON object per address and line; "
                    + "audit: one summary object).")
    Format format;

    @Option(names = "--dns", defaultValue = "system", paramLabel = "off|system|HOST[:PORT]",
            converter = DnsSetting.Converter.class,
            description = "Mail-domain (MX) check: off, system resolvers (default), or one DNS server.")
    DnsSetting dns;

    @Option(names = "--dns-canary", paramLabel = "DOMAIN",
            description = "A domain whose MX must exist (repeatable), asked to test a DNS server that denies names "
                    + "without proof; default gmail.com, outlook.com, yahoo.com. Set it for a private DNS server.")
    List<String> dnsCanaries = new ArrayList<>();

    @Option(names = "--corporate-domain", paramLabel = "DOMAIN",
            description = "Your company's own domain (repeatable): it and its subdomains are refused.")
    List<String> corporateDomains = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE",
            description = "A customer-email.properties file (corporate domains, policy modes…); options add to it.")
    java.nio.file.Path config;

    @Option(names = "--extra-tld", paramLabel = "TLD",
            description = "Also accept this top-level domain (repeatable), e.g. test for a test DNS server.")
    List<String> extraTlds = new ArrayList<>();

    @Option(names = "--suppression-list", paramLabel = "FILE",
            description = "Refuse the addresses of this suppression list: the customer-email service's export file "
                    + "(GET /v1/suppressions/export), one JSON object per line.")
    java.nio.file.Path suppressionList;

    @Option(names = "--service", paramLabel = "URL",
            description = "Refuse the addresses on the suppression list of this running customer-email service "
                    + "(fetched once). Its API key comes from the CUSTOMER_EMAIL_API_KEY environment variable or "
                    + "--service-key-file, never from the command line.")
    String service;

    @Option(names = "--service-key-file", paramLabel = "FILE",
            description = "A file whose first line is the API key of --service (instead of CUSTOMER_EMAIL_API_KEY).")
    java.nio.file.Path serviceKeyFile;

    @Option(names = "--lang", defaultValue = "es", paramLabel = "es|en|pt",
            description = "Language of the messages: es (default), en or pt (Brazilian Portuguese).")
    Lang lang;

    Locale locale() {
        return lang.locale();
    }

    /** @return the command line's own texts in the chosen language */
    CliText text() {
        return CliText.of(locale());
    }

    /**
     * @param spec the running command, to report bad option values as usage errors (exit status 2)
     * @return a validator configured from these options; the caller closes it
     */
    CustomerEmailValidator validator(CommandSpec spec) {
        return validator(spec, suppressions(spec), 0);
    }

    /**
     * @param dnsQuerySlots the DNS questions in flight at once, or 0 for the checker's default
     * @return a validator configured from these options; the caller closes it
     */
    CustomerEmailValidator validator(CommandSpec spec, int dnsQuerySlots) {
        return validator(spec, suppressions(spec), dnsQuerySlots);
    }

    /**
     * @param suppressions addresses to refuse as bounced or complained, or {@code null}
     * @param dnsQuerySlots the DNS questions in flight at once, or 0 for the checker's default
     * @return a validator configured from these options; the caller closes it
     */
    CustomerEmailValidator validator(CommandSpec spec, io.github.customeremail.SuppressionList suppressions,
                                     int dnsQuerySlots) {
        CustomerEmailValidator.Builder builder = CustomerEmailValidator.builder();
        if (suppressions != null) {
            builder.suppressionList(suppressions);
        }
        try {
            if (config != null) {
                builder.configure(config);
            }
            for (String domain : corporateDomains) {
                builder.corporateDomain(domain);
            }
            builder.extraTopLevelDomains(extraTlds.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        try {
            dns.configure(builder, dnsCanaries, dnsQuerySlots);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        return builder.build();
    }

    /**
     * @return the list named by {@code --suppression-list} and {@code --service}, read once, or {@code null} when
     *     neither is given
     * @throws ParameterException when it cannot be read (a usage error naming the option)
     */
    io.github.customeremail.InMemorySuppressionList suppressions(CommandSpec spec) {
        if (suppressionList == null && service == null) {
            return null;
        }
        io.github.customeremail.InMemorySuppressionList list = new io.github.customeremail.InMemorySuppressionList();
        try {
            if (suppressionList != null) {
                SuppressionSource.readFile(suppressionList, list);
            }
            if (service != null) {
                SuppressionSource.fetch(service, serviceKeyFile, System.getenv(), list);
            }
        } catch (SuppressionSource.Unreadable e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        return list;
    }
}
