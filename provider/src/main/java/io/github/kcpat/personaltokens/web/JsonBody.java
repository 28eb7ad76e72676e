package io.github.kcpat.personaltokens.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.util.JsonSerialization;

/**
 * Reads request bodies by hand, so every malformed or mistyped field gets a precise 400 instead of
 * whatever the JSON binder would have said (or a 500).
 */
public final class JsonBody {

    static final int MAX_BODY_CHARS = 16 * 1024;

    private final ObjectNode node;

    private JsonBody(ObjectNode node) {
        this.node = node;
    }

    public static JsonBody parse(String body) {
        if (body == null || body.isBlank()) {
            throw ApiError.badRequest("a JSON object body is required");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw ApiError.badRequest("the request body is too large");
        }
        JsonNode node;
        try {
            node = JsonSerialization.mapper.readTree(body);
        } catch (IOException e) {
            throw ApiError.badRequest("the request body is not valid JSON");
        }
        if (!(node instanceof ObjectNode object)) {
            throw ApiError.badRequest("the request body must be a JSON object");
        }
        return new JsonBody(object);
    }

    public ObjectNode node() {
        return node;
    }

    public String string(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiError.badRequest(field + " must be a string");
        }
        return value.textValue();
    }

    /** A JSON array of strings, or null when absent. */
    public List<String> strings(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw ApiError.badRequest(field + " must be an array of strings");
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw ApiError.badRequest(field + " must be an array of strings");
            }
            items.add(item.textValue());
        }
        return items;
    }

    public Integer integer(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw ApiError.badRequest(field + " must be a whole number");
        }
        return value.intValue();
    }
}
