package io.github.kcpat.personaltokens.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.function.Predicate;
import org.keycloak.util.JsonSerialization;

/**
 * Reads a policy document strictly. Jackson on its own would turn {@code 1.5} into 1 and
 * {@code "10"} into 10; a policy is security configuration, so a value of the wrong JSON type is
 * refused instead of guessed at.
 */
public final class PolicyJson {

    private static final Predicate<JsonNode> WHOLE = n -> n.isIntegralNumber() && n.canConvertToInt();
    private static final Map<String, Predicate<JsonNode>> FIELDS = Map.of(
            "roles", JsonNode::isArray,
            "defaultExpiresInDays", WHOLE,
            "maxExpiresInDays", WHOLE,
            "allowNonExpiring", JsonNode::isBoolean,
            "maxTokensPerUser", WHOLE,
            "tokenPrefix", JsonNode::isTextual,
            "maxAuthAgeSeconds", WHOLE,
            "expiryNoticeDays", n -> n.isArray() && allMatch(n, WHOLE),
            "revokeAfterDaysUnused", WHOLE);
    private static final Map<String, Predicate<JsonNode>> ROLE_FIELDS = Map.of(
            "role", JsonNode::isTextual,
            "scopes", n -> n.isArray() && allMatch(n, JsonNode::isTextual),
            "maxExpiresInDays", WHOLE,
            "requireAllowedNetworks", JsonNode::isBoolean);

    private PolicyJson() {
    }

    /** The policy as written, without defaults filled in; IllegalArgumentException names the field at fault. */
    public static TokenPolicy read(String json) {
        JsonNode tree;
        try {
            tree = JsonSerialization.mapper.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("the policy is not valid JSON");
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new IllegalArgumentException("the policy must be a JSON object");
        }
        checkTypes(object, FIELDS, "");
        for (JsonNode role : object.path("roles")) {
            if (!(role instanceof ObjectNode roleObject)) {
                throw new IllegalArgumentException("every entry of roles must be an object");
            }
            checkTypes(roleObject, ROLE_FIELDS, "roles[].");
        }
        try {
            return JsonSerialization.mapper.treeToValue(object, TokenPolicy.class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the policy does not have the documented shape");
        }
    }

    private static void checkTypes(ObjectNode object, Map<String, Predicate<JsonNode>> fields, String path) {
        object.fields().forEachRemaining(field -> {
            Predicate<JsonNode> rule = fields.get(field.getKey());
            JsonNode value = field.getValue();
            if (rule != null && !value.isNull() && !rule.test(value)) {
                throw new IllegalArgumentException(path + field.getKey() + " has the wrong type");
            }
        });
    }

    private static boolean allMatch(JsonNode array, Predicate<JsonNode> rule) {
        for (JsonNode item : array) {
            if (!rule.test(item)) {
                return false;
            }
        }
        return true;
    }
}
