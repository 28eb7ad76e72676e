package io.github.kcpat.personaltokens.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
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

    public static List<String> read(String contentType, InputStream body) {
        String text = limited(body);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        return switch (type) {
            case "application/x-www-form-urlencoded" -> fromForm(text);
            case "application/json" -> fromJson(text);
            default -> throw ApiError.badRequest("send a form (token=...) or JSON");
        };
    }

    private static String limited(InputStream body) {
        try {
            byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw ApiError.badRequest("the request body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ApiError.badRequest("the request body could not be read");
        }
    }

    private static List<String> fromForm(String text) {
        List<String> tokens = new ArrayList<>();
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (name.equals("token")) {
                tokens.add(decode(eq < 0 ? "" : pair.substring(eq + 1)));
            }
        }
        if (tokens.size() != 1 || tokens.get(0).isEmpty()) {
            throw ApiError.badRequest("exactly one token parameter is required");
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

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("the form is not URL-encoded");
        }
    }
}
