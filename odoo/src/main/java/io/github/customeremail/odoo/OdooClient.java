package io.github.customeremail.odoo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A client of one Odoo database over its external API: XML-RPC for Odoo 14 to 18 and JSON-2 for 19 and later,
 * chosen from the server's version unless the settings name one. Authentication is by API key.
 *
 * <pre>{@code
 * OdooClient odoo = OdooClient.connect(OdooSettings.builder()
 *         .url("https://erp.example.com").database("prod").login("audit@example.com")
 *         .apiKey(System.getenv("ODOO_API_KEY")).build());
 * List<Map<String, Object>> rows = odoo.searchRead("res.partner", List.of(), List.of("email"), 0, 100, "id");
 * }</pre>
 *
 * <p>Calls that are safe to repeat ({@code search_read}, {@code read}, {@code write} of the same values...) are
 * retried on transient errors; {@code create} and {@code message_post} only when the connection was refused.
 * Errors are {@link OdooFaultException} (Odoo said no), {@link OdooProtocolException} (the answer broke the
 * protocol) or {@link OdooTransportException} (no answer). Instances are safe to share between threads once
 * connected.
 */
public final class OdooClient {

    private static final Set<String> REPEATABLE = Set.of(
            "search_read", "read", "search", "search_count", "fields_get", "write", "get_external_id");

    private final OdooSettings settings;
    private final Transport transport;
    private final OdooProtocol protocol;
    private final OdooVersion version;

    private OdooClient(OdooSettings settings, Transport transport, OdooProtocol protocol, OdooVersion version) {
        this.settings = settings;
        this.transport = transport;
        this.protocol = protocol;
        this.version = version;
    }

    /**
     * Asks the server its version (unless JSON-2 is forced), picks the protocol, and logs in (XML-RPC).
     *
     * @throws OdooFaultException     wrong login or key ({@code AUTHENTICATION}), wrong database
     * @throws OdooProtocolException  not an Odoo server, or a version older than 14
     * @throws OdooTransportException the server cannot be reached
     */
    public static OdooClient connect(OdooSettings settings) {
        Objects.requireNonNull(settings, "settings");
        HttpExchange http = new HttpExchange(settings);
        XmlRpcCodec codec = new XmlRpcCodec(new XmlRpcCodec.Limits(settings.maxResponseBytes(),
                XmlRpcCodec.Limits.DEFAULT.maxDepth(), XmlRpcCodec.Limits.DEFAULT.maxElements()));
        OdooVersion version = null;
        OdooProtocol protocol = settings.protocol();
        if (protocol != OdooProtocol.JSON_2) {
            Map<?, ?> info = XmlRpcTransport.version(http, codec);
            version = OdooVersion.fromVersionInfo(info.get("server_version_info"), info.get("server_serie"));
            if (version.major() < OdooVersion.OLDEST_SUPPORTED) {
                throw new OdooProtocolException("Odoo " + version.serie() + " is older than "
                        + OdooVersion.OLDEST_SUPPORTED + ".0, the oldest version this client speaks to");
            }
            if (protocol == OdooProtocol.AUTO) {
                protocol = version.preferredProtocol();
            }
        }
        Transport transport;
        if (protocol == OdooProtocol.JSON_2) {
            transport = new Json2Transport(settings, http, XmlRpcCodec.Limits.DEFAULT.maxDepth());
        } else {
            XmlRpcTransport xmlRpc = new XmlRpcTransport(settings, http, codec);
            xmlRpc.authenticate();
            transport = xmlRpc;
        }
        return new OdooClient(settings, transport, protocol, version);
    }

    /** @return the protocol in use */
    public OdooProtocol protocol() {
        return protocol;
    }

    /** @return the server's version, when it was asked (not when JSON-2 was forced) */
    public Optional<OdooVersion> version() {
        return Optional.ofNullable(version);
    }

    /** @return the settings this client was built with */
    public OdooSettings settings() {
        return settings;
    }

    /**
     * Calls any public model method with named arguments.
     *
     * @param ids   the records to call it on; empty for a model method ({@code search_read}, {@code create})
     * @param named the method's arguments by name; {@code context} is passed as Odoo's context
     * @return the result as Java values: Integer, Double, Boolean, String, List, Map
     */
    public Object execute(String model, String method, List<Integer> ids, Map<String, Object> named) {
        return transport.execute(model, method, List.copyOf(ids), List.of(), named, repeatable(method));
    }

    private static HttpExchange.Repeatable repeatable(String method) {
        return REPEATABLE.contains(method) ? HttpExchange.Repeatable.YES : HttpExchange.Repeatable.NO;
    }

    /**
     * {@code search_read} with a domain, the fields to read, paging and order.
     *
     * @param domain  Odoo's domain, e.g. {@code List.of(List.of("id", ">", 10))}
     * @param context Odoo context entries, e.g. {@code Map.of("active_test", false)}; may be empty
     */
    public List<Map<String, Object>> searchRead(String model, List<?> domain, List<String> fields, int offset,
                                                int limit, String order, Map<String, Object> context) {
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("domain", domain);
        named.put("fields", fields);
        named.put("offset", offset);
        named.put("limit", limit);
        named.put("order", order);
        if (!context.isEmpty()) {
            named.put("context", context);
        }
        return records(execute(model, "search_read", List.of(), named), "search_read");
    }

    /** {@code search_read} without context. */
    public List<Map<String, Object>> searchRead(String model, List<?> domain, List<String> fields, int offset,
                                                int limit, String order) {
        return searchRead(model, domain, fields, offset, limit, order, Map.of());
    }

    /**
     * {@code search_count}: how many records match a domain.
     *
     * @param context Odoo context entries; may be empty
     */
    public long searchCount(String model, List<?> domain, Map<String, Object> context) {
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("domain", domain);
        if (!context.isEmpty()) {
            named.put("context", context);
        }
        Object result = execute(model, "search_count", List.of(), named);
        if (result instanceof Integer n) {
            return n;
        }
        throw new OdooProtocolException("search_count answered " + describe(result) + " instead of a number");
    }

    /** {@code read} of some fields of some records. */
    public List<Map<String, Object>> read(String model, List<Integer> ids, List<String> fields) {
        return records(execute(model, "read", ids, Map.of("fields", fields)), "read");
    }

    /**
     * {@code write} of the same values on every record; Odoo applies it to all or, on any error, to none.
     */
    public void write(String model, List<Integer> ids, Map<String, Object> values) {
        // By position over XML-RPC: an override in some module may name the argument differently.
        Object result = transport.execute(model, "write", List.copyOf(ids), List.of(values), Map.of("vals", values),
                HttpExchange.Repeatable.YES);
        if (!Boolean.TRUE.equals(result)) {
            throw new OdooProtocolException("write answered " + result + " instead of true");
        }
    }

    /** {@code create} of one record. @return its id */
    public int create(String model, Map<String, Object> values) {
        // The argument's name differs between versions (values, vals_list): XML-RPC passes it by position.
        Object result = transport.execute(model, "create", List.of(), List.of(List.of(values)),
                Map.of("vals_list", List.of(values)), HttpExchange.Repeatable.NO);
        return singleId(result, "create");
    }

    /**
     * Posts a note in a record's chatter, visible to employees only ({@code mail.mt_note}). The body is plain
     * text: Odoo escapes a string that comes over RPC.
     *
     * @return the id of the new {@code mail.message}
     */
    public int postNote(String model, int id, String body) {
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("body", body);
        named.put("message_type", "comment");
        named.put("subtype_xmlid", "mail.mt_note");
        return singleId(execute(model, "message_post", List.of(id), named), "message_post");
    }

    /** XML-RPC answers an id ({@code api.returns}); JSON-2 answers a recordset as a list of ids. */
    private static int singleId(Object result, String method) {
        if (result instanceof Integer id) {
            return id;
        }
        if (result instanceof List<?> list && list.size() == 1 && list.get(0) instanceof Integer id) {
            return id;
        }
        throw new OdooProtocolException(method + " answered " + result + " instead of one id");
    }

    private static List<Map<String, Object>> records(Object result, String method) {
        if (!(result instanceof List<?> list)) {
            throw new OdooProtocolException(method + " answered " + describe(result) + " instead of a list");
        }
        List<Map<String, Object>> rows = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> map)) {
                throw new OdooProtocolException(method + " answered a list holding " + describe(item));
            }
            Map<String, Object> row = new LinkedHashMap<>();
            map.forEach((k, v) -> row.put(String.valueOf(k), v));
            rows.add(row);
        }
        return rows;
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
