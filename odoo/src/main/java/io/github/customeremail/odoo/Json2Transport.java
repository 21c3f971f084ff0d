package io.github.customeremail.odoo;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON-2 API of Odoo 19 (addons/rpc/controllers/json2.py): {@code POST /json/2/<model>/<method>} with
 * {@code Authorization: bearer <api key>} and {@code X-Odoo-Database}; the body holds {@code ids},
 * {@code context} and the method's arguments by name; errors come as a JSON object with {@code name} (the
 * exception's class, e.g. {@code odoo.exceptions.AccessError}) and {@code message}.
 */
final class Json2Transport implements Transport {

    private final HttpExchange http;
    private final JsonMapper json;
    private final Map<String, String> headers;

    Json2Transport(OdooSettings settings, HttpExchange http, int maxDepth) {
        this.http = http;
        this.json = JsonMapper.builder()
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(maxDepth)
                .maxStringLength(settings.maxResponseBytes())
                .build());
        this.headers = Map.of(
                "Content-Type", "application/json; charset=utf-8",
                "Authorization", "bearer " + settings.apiKey(),
                "X-Odoo-Database", settings.database());
    }

    @Override
    public Object execute(String model, String method, List<Integer> ids, List<Object> positional,
                          Map<String, Object> named, HttpExchange.Repeatable repeatable) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            body.put("ids", ids);
        }
        body.putAll(named);
        String path = "/json/2/" + URLEncoder.encode(model, StandardCharsets.UTF_8) + "/"
                + URLEncoder.encode(method, StandardCharsets.UTF_8);
        byte[] request;
        try {
            request = json.writeValueAsBytes(body);
        } catch (JacksonException e) {
            throw new OdooProtocolException("cannot write the JSON-2 request: " + e.getOriginalMessage(), e);
        }
        HttpExchange.Answer answer = http.post(path, headers, request, repeatable);
        if (answer.status() == 200) {
            return parse(answer.body(), path);
        }
        throw error(answer, path);
    }

    private Object parse(byte[] body, String path) {
        try {
            return json.readValue(body, Object.class);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new OdooProtocolException("Odoo's answer to " + path + " is not JSON: " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new OdooProtocolException("cannot read Odoo's answer to " + path, e);
        }
    }

    private OdooException error(HttpExchange.Answer answer, String path) {
        String name = "";
        String message;
        try {
            Object parsed = json.readValue(answer.body(), Object.class);
            if (parsed instanceof Map<?, ?> map) {
                name = map.get("name") instanceof String n ? n : "";
                message = map.get("message") instanceof String m ? m : String.valueOf(map);
            } else {
                message = String.valueOf(parsed);
            }
        } catch (java.io.IOException | RuntimeException e) {
            String text = new String(answer.body(), 0, Math.min(answer.body().length, 200), StandardCharsets.UTF_8);
            return new OdooProtocolException("HTTP " + answer.status() + " from " + path + " without a JSON error: "
                    + text.strip());
        }
        OdooFaultException.Kind kind;
        if (answer.status() == 401 || name.endsWith("AccessDenied")) {
            kind = OdooFaultException.Kind.AUTHENTICATION;
        } else if (name.endsWith("AccessError") || answer.status() == 403) {
            kind = OdooFaultException.Kind.ACCESS_ERROR;
        } else if (name.endsWith("MissingError")) {
            kind = OdooFaultException.Kind.MISSING_RECORD;
        } else if (answer.status() == 404) {
            kind = message.contains("database") ? OdooFaultException.Kind.WRONG_DATABASE
                    : OdooFaultException.Kind.NOT_FOUND;
        } else if (answer.status() == 422 || name.endsWith("UserError") || name.endsWith("ValidationError")) {
            kind = message.contains("Invalid field") ? OdooFaultException.Kind.MISSING_FIELD
                    : OdooFaultException.Kind.USER_ERROR;
        } else {
            kind = OdooErrors.kindOfServerError(name + ": " + message);
        }
        return new OdooFaultException(kind, name.isEmpty() ? message : name + ": " + message);
    }
}
