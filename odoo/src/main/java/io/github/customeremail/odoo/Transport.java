package io.github.customeremail.odoo;

import java.util.List;
import java.util.Map;

/** One of Odoo's external APIs, carrying a model method call. */
sealed interface Transport permits XmlRpcTransport, Json2Transport {

    /**
     * Calls {@code model.method} on {@code ids} (empty for a model method) with named arguments.
     *
     * @param positional arguments that XML-RPC passes by position because their name differs between Odoo
     *                   versions (e.g. {@code create}'s {@code values}/{@code vals_list}); JSON-2 passes
     *                   {@code named} only
     */
    Object execute(String model, String method, List<Integer> ids, List<Object> positional,
                   Map<String, Object> named, HttpExchange.Repeatable repeatable);
}
