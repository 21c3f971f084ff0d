package io.github.customeremail.odoo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * XML-RPC as served by odoo/addons/base/controllers/rpc.py (Odoo 14 to 18; still there, deprecated, in 19):
 * {@code /xmlrpc/2/common} for {@code version} and {@code authenticate}, {@code /xmlrpc/2/object} for
 * {@code execute_kw(db, uid, key, model, method, args, kwargs)}. Faults carry int codes: 1 application error
 * (a traceback), 2 warning or UserError, 3 AccessDenied, 4 AccessError.
 */
final class XmlRpcTransport implements Transport {

    private static final Map<String, String> HEADERS = Map.of("Content-Type", "text/xml; charset=utf-8");

    private final OdooSettings settings;
    private final HttpExchange http;
    private final XmlRpcCodec codec;
    private volatile Integer uid;

    XmlRpcTransport(OdooSettings settings, HttpExchange http, XmlRpcCodec codec) {
        this.settings = settings;
        this.http = http;
        this.codec = codec;
    }

    /** {@code common.version()}: needs no login. */
    static Map<?, ?> version(HttpExchange http, XmlRpcCodec codec) {
        Object result = call(http, codec, "/xmlrpc/2/common", "version", List.of(), HttpExchange.Repeatable.YES);
        if (!(result instanceof Map<?, ?> map)) {
            throw new OdooProtocolException("version() did not answer a struct");
        }
        return map;
    }

    /** {@code common.authenticate(db, login, key, {})}: the uid, or AUTHENTICATION when Odoo answers False. */
    void authenticate() {
        Object result = call(http, codec, "/xmlrpc/2/common", "authenticate",
                List.of(settings.database(), settings.login(), settings.apiKey(), Map.of()),
                HttpExchange.Repeatable.YES);
        if (result instanceof Integer id && id > 0) {
            uid = id;
        } else if (Boolean.FALSE.equals(result)) {
            throw new OdooFaultException(OdooFaultException.Kind.AUTHENTICATION,
                    "authenticate() answered False for login '" + settings.login() + "' on database '"
                            + settings.database() + "'");
        } else {
            throw new OdooProtocolException("authenticate() answered neither a user id nor False: " + result);
        }
    }

    @Override
    public Object execute(String model, String method, List<Integer> ids, List<Object> positional,
                          Map<String, Object> named, HttpExchange.Repeatable repeatable) {
        if (uid == null) {
            authenticate();
        }
        List<Object> args = new ArrayList<>();
        if (!ids.isEmpty()) {
            args.add(ids);
        }
        args.addAll(positional);
        return call(http, codec, "/xmlrpc/2/object", "execute_kw",
                List.of(settings.database(), uid, settings.apiKey(), model, method, args, named), repeatable);
    }

    private static Object call(HttpExchange http, XmlRpcCodec codec, String path, String method, List<?> params,
                               HttpExchange.Repeatable repeatable) {
        HttpExchange.Answer answer = http.post(path, HEADERS, codec.encodeCall(method, params), repeatable);
        if (answer.status() != 200) {
            throw new OdooProtocolException("HTTP " + answer.status() + " from " + path
                    + (answer.status() == 404 ? ": no XML-RPC here (is this Odoo 14 to 19? for 20+ use JSON-2)" : "")
                    + snippet(answer.body()));
        }
        XmlRpcCodec.Response response = codec.decodeResponse(answer.body());
        if (response instanceof XmlRpcCodec.Fault fault) {
            throw fault(fault.code(), fault.string());
        }
        return ((XmlRpcCodec.Success) response).value();
    }

    private static String snippet(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "" : ": " + text;
    }

    /** Maps an /xmlrpc/2 fault to the kind of error a caller acts on. */
    static OdooFaultException fault(Object code, String text) {
        String last = OdooFaultException.lastLine(text);
        OdooFaultException.Kind kind;
        if (Integer.valueOf(4).equals(code)) {
            kind = OdooFaultException.Kind.ACCESS_ERROR;
        } else if (Integer.valueOf(3).equals(code)) {
            kind = OdooFaultException.Kind.AUTHENTICATION;
        } else if (Integer.valueOf(2).equals(code)) {
            kind = text.contains("does not exist or has been deleted")
                    ? OdooFaultException.Kind.MISSING_RECORD : OdooFaultException.Kind.USER_ERROR;
        } else {
            kind = OdooErrors.kindOfServerError(last);
        }
        return new OdooFaultException(kind, text);
    }
}
