package io.rapport.web;

import io.rapport.common.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Fields of a JSON object as partial updates read them: an absent field is left alone (null), JSON null clears it,
 * anything of the wrong type is refused naming the field.
 */
public final class JsonFields {

    private JsonFields() {}

    /** The body as a JSON object, every text in it one the desk can store as sent (else refused naming its field). */
    public static JsonNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInput("body", "must be a JSON object");
        }
        for (var field : body.properties()) {
            check("body", field.getKey()); // a field name the desk cannot store is named as the body
            check(field.getKey(), field.getValue());
        }
        return body;
    }

    private static void check(String field, String text) {
        String problem = io.rapport.web.internal.CleanText.problem(text);
        if (problem != null) {
            throw new InvalidInput(field, problem);
        }
    }

    private static void check(String field, JsonNode node) {
        if (node.isString()) {
            check(field, node.asString());
        }
        if (node.isArray()) {
            for (JsonNode element : node.values()) {
                check(field, element);
            }
        } else if (node.isObject()) {
            for (var nested : node.properties()) {
                check(field, nested.getKey());
                check(field, nested.getValue());
            }
        }
    }

    /** Absent or null: null; else the string. */
    public static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new InvalidInput(field, "must be a string");
        }
        return node.asString();
    }

    /** Absent: null; else true or false (JSON null is refused: a yes-or-no field cannot be cleared). */
    public static Boolean flag(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            throw new InvalidInput(field, "must be true or false");
        }
        return node.asBoolean();
    }

    /** Absent: null; JSON null: empty (clear it); else an id. */
    public static Optional<Long> optionalId(JsonNode body, String field) {
        if (!body.has(field)) {
            return null;
        }
        JsonNode node = body.get(field);
        if (node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(id(node, field, "must be an id or null"));
    }

    /** Absent or null: null; else an id (for a field that names something optional, with nothing to clear). */
    public static Long idOrNull(JsonNode body, String field) {
        Optional<Long> id = optionalId(body, field);
        return id == null ? null : id.orElse(null);
    }

    /** Absent or null: null; else a whole number from {@code min} to {@code max}, refused naming the field. */
    public static Integer whole(JsonNode body, String field, int min, int max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < min || node.asLong() > max) {
            throw new InvalidInput(field, "must be a whole number from " + min + " to " + max);
        }
        return node.asInt();
    }

    /** A required id. */
    public static long requiredId(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidInput(field, "is required");
        }
        return id(node, field, "must be an id");
    }

    /** Absent or null: null; else a list of strings. */
    public static List<String> strings(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw new InvalidInput(field, "must be a list of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : node) {
            if (!value.isString()) {
                throw new InvalidInput(field, "must be a list of strings");
            }
            values.add(value.asString());
        }
        return values;
    }

    /** Absent or null: null; else a list of ids. */
    public static List<Long> ids(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw new InvalidInput(field, "must be a list of ids");
        }
        List<Long> values = new ArrayList<>();
        for (JsonNode value : node) {
            values.add(id(value, field, "must be a list of ids"));
        }
        return values;
    }

    private static long id(JsonNode node, String field, String problem) {
        if (node.isIntegralNumber() && node.canConvertToLong() && node.asLong() > 0) {
            return node.asLong();
        }
        if (node.isString() && node.asString().matches("[1-9]\\d{0,17}")) {
            return Long.parseLong(node.asString());
        }
        throw new InvalidInput(field, problem);
    }
}
