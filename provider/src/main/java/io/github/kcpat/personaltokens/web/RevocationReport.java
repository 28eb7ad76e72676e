package io.github.kcpat.personaltokens.web;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.keycloak.http.HttpRequest;
import org.keycloak.util.JsonSerialization;

/**
 * Reads the body of a revoke-by-value request (DESIGN §9.2) in its three shapes: an RFC 7009
 * form, {@code {"tokens": [...]}}, or the array of findings that GitHub's secret scanning posts.
 */
public final class RevocationReport {

    public static final int MAX_BODY_BYTES = 256 * 1024;
    public static final int MAX_TOKENS = 1000;

    private RevocationReport() {
    }

    /** A form: exactly one {@code token} (RFC 7009; {@code token_type_hint} is ignored). */
    public static List<String> fromForm(HttpRequest request) {
        return fromForm(decoded(request));
    }

    /** {@code {"tokens": [...]}} or GitHub's array of findings; any other content type is a 400. */
    public static List<String> fromJson(String contentType, String body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (!type.equals("application/json")) {
            throw ApiError.badRequest("send a form (token=...) or JSON");
        }
        return fromJson(limited(body));
    }

    private static MultivaluedMap<String, String> decoded(HttpRequest request) {
        try {
            return request.getDecodedFormParameters();
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("the form is not URL-encoded");
        }
    }

    private static String limited(String body) {
        String text = body == null ? "" : body;
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            throw ApiError.badRequest("the request body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        return text;
    }

    private static List<String> fromForm(MultivaluedMap<String, String> form) {
        List<String> tokens = form == null ? null : form.get("token");
        if (tokens == null || tokens.size() != 1 || tokens.get(0) == null || tokens.get(0).isEmpty()) {
            throw ApiError.badRequest("exactly one token parameter is required");
        }
        int size = form.entrySet().stream().mapToInt(e -> e.getKey().length() + e.getValue().stream().mapToInt(String::length).sum()).sum();
        if (size > MAX_BODY_BYTES) {
            throw ApiError.badRequest("the request body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        return tokens;
    }

    private static List<String> fromJson(String text) {
        JsonNode node;
        try {
            node = JsonSerialization.mapper.readTree(text);
        } catch (IOException e) {
            throw ApiError.badRequest("the request body is not valid JSON");
        }
        if (node != null && node.isObject()) {
            return strings(node.get("tokens"), item -> item);
        }
        if (node != null && node.isArray()) {
            return strings(node, item -> item.isObject() ? item.get("token") : null);
        }
        throw ApiError.badRequest("expected {\"tokens\": [...]} or an array of {\"token\": ...}");
    }

    private static List<String> strings(JsonNode array, UnaryOperator<JsonNode> token) {
        if (array == null || !array.isArray() || array.isEmpty() || array.size() > MAX_TOKENS) {
            throw ApiError.badRequest("between 1 and " + MAX_TOKENS + " tokens are required");
        }
        List<String> tokens = new ArrayList<>();
        for (JsonNode item : array) {
            JsonNode value = token.apply(item);
            if (value == null || !value.isTextual()) {
                throw ApiError.badRequest("every token must be a string");
            }
            tokens.add(value.textValue());
        }
        return tokens;
    }

}
