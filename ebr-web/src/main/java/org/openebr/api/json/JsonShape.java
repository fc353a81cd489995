package org.openebr.api.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a JSON tree against the Java type JSON-B will bind it to, because JSON-B (Yasson) converts
 * where it should refuse: {@code "yes"} and {@code 1} become {@code false} for a boolean, {@code "42"}
 * becomes 42 and {@code 1.7} becomes 1 for an int, {@code 99999999999} wraps around to another int,
 * {@code 42} and {@code true} become strings, {@code [1, true]} a list of strings. Here each value
 * must already be of the JSON type its Java type stands for, or the body is refused naming the
 * property, what it takes and what it got. Absent properties and {@code null} for a non-primitive
 * are left to Bean Validation, which names what is required.
 *
 * <p>Types: records (properties by component name or {@link JsonbProperty}, unknown ones refused),
 * enums (by constant name), String, boolean, the integer types and BigInteger, BigDecimal, double and
 * float, the java.time types in ISO-8601, UUID, arrays, collections, maps with string keys,
 * Optional, and JSON-P values.
 * A body type outside these is a programming error ({@link IllegalStateException}): a unit test walks
 * every resource's body type through {@link #requireSupported}.
 */
public final class JsonShape {

    private static final Map<Class<?>, BigDecimal[]> WHOLE = Map.of(
            byte.class, range(Byte.MIN_VALUE, Byte.MAX_VALUE), Byte.class, range(Byte.MIN_VALUE, Byte.MAX_VALUE),
            short.class, range(Short.MIN_VALUE, Short.MAX_VALUE), Short.class, range(Short.MIN_VALUE, Short.MAX_VALUE),
            int.class, range(Integer.MIN_VALUE, Integer.MAX_VALUE), Integer.class, range(Integer.MIN_VALUE, Integer.MAX_VALUE),
            long.class, range(Long.MIN_VALUE, Long.MAX_VALUE), Long.class, range(Long.MIN_VALUE, Long.MAX_VALUE));

    private static final Set<Class<?>> DECIMAL = Set.of(BigDecimal.class, Number.class, double.class, Double.class,
            float.class, Float.class);

    /** Values JSON-B reads from a string (dates and times by default in ISO-8601), with the form a message shows. */
    private static final Map<Class<?>, Temporal> TEMPORAL = Map.of(
            Instant.class, new Temporal("an instant in ISO-8601 form such as \"2026-01-31T08:00:00Z\"", Instant::parse),
            LocalDate.class, new Temporal("a date in ISO-8601 form such as \"2026-01-31\"", LocalDate::parse),
            LocalDateTime.class, new Temporal("a local date and time in ISO-8601 form such as \"2026-01-31T08:00:00\"",
                    LocalDateTime::parse),
            LocalTime.class, new Temporal("a time in ISO-8601 form such as \"08:00:00\"", LocalTime::parse),
            OffsetDateTime.class, new Temporal("a date and time with offset in ISO-8601 form such as"
                    + " \"2026-01-31T08:00:00+01:00\"", OffsetDateTime::parse),
            ZonedDateTime.class, new Temporal("a date and time with zone in ISO-8601 form such as"
                    + " \"2026-01-31T08:00:00+01:00[Europe/Berlin]\"", ZonedDateTime::parse),
            Duration.class, new Temporal("a duration in ISO-8601 form such as \"PT72H\"", Duration::parse),
            // UUID.fromString takes "1-2-3-4-5"; a UUID is the 8-4-4-4-12 hexadecimal form and nothing else
            UUID.class, new Temporal("a UUID such as \"123e4567-e89b-12d3-a456-426614174000\"", JsonShape::uuid));

    private static final ClassValue<Map<String, Type>> PROPERTIES = new ClassValue<>() {
        @Override
        protected Map<String, Type> computeValue(Class<?> record) {
            Map<String, Type> properties = new LinkedHashMap<>();
            for (RecordComponent component : record.getRecordComponents()) {
                if (component.getAccessor().isAnnotationPresent(JsonbTransient.class)) {
                    continue;
                }
                JsonbProperty renamed = component.getAccessor().getAnnotation(JsonbProperty.class);
                String name = renamed == null || renamed.value().isEmpty() ? component.getName() : renamed.value();
                properties.put(name, component.getGenericType());
            }
            return Collections.unmodifiableMap(properties);
        }
    };

    private static final int PREVIEW = 40;
    private static final Pattern UUID_FORM = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private JsonShape() {
    }

    /** {@link InvalidJson} naming the first value that is not of its type. */
    public static void check(JsonValue value, Type type) {
        check(value, type, "");
    }

    private static void check(JsonValue value, Type type, String path) {
        Class<?> raw = raw(type);
        JsonValue.ValueType kind = value.getValueType();
        if (kind == JsonValue.ValueType.NULL) {
            if (raw.isPrimitive()) {
                throw mismatch(path, type, value);
            }
            return;
        }
        if (raw == Object.class || raw == JsonValue.class) {
            return;
        }
        if (JsonValue.class.isAssignableFrom(raw)) {
            require(raw.isInstance(value), path, type, value);
        } else if (raw == String.class) {
            require(kind == JsonValue.ValueType.STRING, path, type, value);
        } else if (raw == boolean.class || raw == Boolean.class) {
            require(kind == JsonValue.ValueType.TRUE || kind == JsonValue.ValueType.FALSE, path, type, value);
        } else if (WHOLE.containsKey(raw) || raw == BigInteger.class) {
            wholeNumber(value, raw, path, type);
        } else if (DECIMAL.contains(raw)) {
            decimal(value, raw, path, type);
        } else if (raw.isEnum()) {
            constant(value, raw, path, type);
        } else if (TEMPORAL.containsKey(raw)) {
            temporal(value, TEMPORAL.get(raw), path, type);
        } else if (raw == Optional.class) {
            check(value, argument(type, 0), path);
        } else if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
            require(kind == JsonValue.ValueType.ARRAY, path, type, value);
            Type element = raw.isArray() ? component(type) : argument(type, 0);
            JsonArray array = value.asJsonArray();
            for (int i = 0; i < array.size(); i++) {
                check(array.get(i), element, path + "[" + i + "]");
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            require(kind == JsonValue.ValueType.OBJECT, path, type, value);
            if (raw(argument(type, 0)) != String.class) {
                throw unsupported(type);
            }
            for (Map.Entry<String, JsonValue> member : value.asJsonObject().entrySet()) {
                check(member.getValue(), argument(type, 1), StrictJson.join(path, member.getKey()));
            }
        } else if (raw.isRecord()) {
            require(kind == JsonValue.ValueType.OBJECT, path, type, value);
            Map<String, Type> properties = PROPERTIES.get(raw);
            for (Map.Entry<String, JsonValue> member : value.asJsonObject().entrySet()) {
                Type declared = properties.get(member.getKey());
                if (declared == null) {
                    throw InvalidJson.at(StrictJson.join(path, member.getKey()), "is not known here; the properties are "
                            + String.join(", ", properties.keySet()));
                }
                check(member.getValue(), declared, StrictJson.join(path, member.getKey()));
            }
        } else {
            throw unsupported(type);
        }
    }

    private static void wholeNumber(JsonValue value, Class<?> raw, String path, Type type) {
        require(value.getValueType() == JsonValue.ValueType.NUMBER, path, type, value);
        BigDecimal number = ((JsonNumber) value).bigDecimalValue();
        // 2.0 is the whole number 2 in JSON; 1.7 is not, and a binder would silently cut it to 1
        if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
            throw InvalidJson.at(path, "expected " + expected(type) + ", got " + preview(number.toString()));
        }
        BigDecimal[] range = WHOLE.get(raw);
        if (range == null ? number.precision() - number.scale() > 1100
                : number.compareTo(range[0]) < 0 || number.compareTo(range[1]) > 0) {
            String bounds = range == null ? "" : " from " + range[0].toPlainString() + " to " + range[1].toPlainString();
            throw InvalidJson.at(path, "expected " + expected(type) + bounds + ", got " + preview(number.toString()));
        }
    }

    private static void decimal(JsonValue value, Class<?> raw, String path, Type type) {
        require(value.getValueType() == JsonValue.ValueType.NUMBER, path, type, value);
        BigDecimal number = ((JsonNumber) value).bigDecimalValue();
        boolean single = raw == float.class || raw == Float.class;
        boolean binary = single || raw == double.class || raw == Double.class;
        if (binary && !(single ? Float.isFinite(number.floatValue()) : Double.isFinite(number.doubleValue()))) {
            String limit = single ? Float.toString(Float.MAX_VALUE) : Double.toString(Double.MAX_VALUE);
            throw InvalidJson.at(path, "expected a number within ±" + limit + ", got " + preview(number.toString()));
        }
    }

    private static void constant(JsonValue value, Class<?> raw, String path, Type type) {
        require(value.getValueType() == JsonValue.ValueType.STRING, path, type, value);
        String name = ((JsonString) value).getString();
        for (Object constant : raw.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(name)) {
                return;
            }
        }
        throw InvalidJson.at(path, "'" + preview(name) + "' is not one of " + names(raw));
    }

    private static void temporal(JsonValue value, Temporal temporal, String path, Type type) {
        require(value.getValueType() == JsonValue.ValueType.STRING, path, type, value);
        String text = ((JsonString) value).getString();
        try {
            temporal.parse().apply(text);
        } catch (DateTimeParseException notOne) {
            throw InvalidJson.at(path, "expected " + temporal.form() + ", got \"" + preview(text) + "\"");
        }
    }

    private static void require(boolean fits, String path, Type type, JsonValue value) {
        if (!fits) {
            throw mismatch(path, type, value);
        }
    }

    private static InvalidJson mismatch(String path, Type type, JsonValue value) {
        return InvalidJson.at(path, "expected " + expected(type) + ", got " + got(value));
    }

    /** What a type takes, in JSON words; {@link IllegalStateException} for a type without a rule here. */
    static String expected(Type type) {
        Class<?> raw = raw(type);
        if (raw == String.class || raw == JsonString.class) {
            return "a string";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "true or false";
        }
        if (WHOLE.containsKey(raw) || raw == BigInteger.class) {
            return "a whole number";
        }
        if (DECIMAL.contains(raw) || raw == JsonNumber.class) {
            return "a number";
        }
        if (raw.isEnum()) {
            return "one of " + names(raw);
        }
        if (TEMPORAL.containsKey(raw)) {
            return TEMPORAL.get(raw).form();
        }
        if (raw == Optional.class) {
            return expected(argument(type, 0));
        }
        if (raw.isArray() || Collection.class.isAssignableFrom(raw) || raw == JsonArray.class) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(raw) || raw.isRecord() || raw == JsonObject.class) {
            return "an object";
        }
        if (raw == Object.class || raw == JsonValue.class) {
            return "a JSON value";
        }
        throw unsupported(type);
    }

    private static String got(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE -> "true";
            case FALSE -> "false";
            case NULL -> "null";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
        };
    }

    /**
     * Fails with {@link IllegalStateException} when a type, or any type reachable from it, has no
     * rule here; what a test calls for every body type the API reads.
     */
    public static void requireSupported(Type type) {
        requireSupported(type, new HashSet<>());
    }

    private static void requireSupported(Type type, Set<Type> seen) {
        if (!seen.add(type)) {
            return;
        }
        Class<?> raw = raw(type);
        expected(type);
        if (JsonValue.class.isAssignableFrom(raw)) {
            return;
        }
        if (raw == Optional.class || Collection.class.isAssignableFrom(raw)) {
            requireSupported(argument(type, 0), seen);
        } else if (raw.isArray()) {
            requireSupported(component(type), seen);
        } else if (Map.class.isAssignableFrom(raw)) {
            if (raw(argument(type, 0)) != String.class) {
                throw unsupported(type);
            }
            requireSupported(argument(type, 1), seen);
        } else if (raw.isRecord()) {
            PROPERTIES.get(raw).values().forEach(property -> requireSupported(property, seen));
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        if (type instanceof ParameterizedType generic) {
            return (Class<?>) generic.getRawType();
        }
        if (type instanceof GenericArrayType array) {
            return raw(array.getGenericComponentType()).arrayType();
        }
        if (type instanceof WildcardType wildcard && wildcard.getLowerBounds().length == 0) {
            return raw(wildcard.getUpperBounds()[0]);
        }
        throw unsupported(type);
    }

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType generic) {
            Type argument = generic.getActualTypeArguments()[index];
            return argument instanceof WildcardType wildcard && wildcard.getLowerBounds().length == 0
                    ? wildcard.getUpperBounds()[0] : argument;
        }
        // a raw List or Map: JSON-B reads its elements as whatever JSON they are
        return Object.class;
    }

    private static Type component(Type type) {
        return type instanceof GenericArrayType array ? array.getGenericComponentType() : raw(type).getComponentType();
    }

    private static IllegalStateException unsupported(Type type) {
        return new IllegalStateException("Strict JSON has no rule for " + type.getTypeName()
                + "; add one to JsonShape before an API body uses it");
    }

    private static String names(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String preview(String text) {
        return text.length() <= PREVIEW ? text : text.substring(0, PREVIEW) + "...";
    }

    private static UUID uuid(String text) {
        if (!UUID_FORM.matcher(text).matches()) {
            throw new DateTimeParseException("not a UUID", text, 0);
        }
        return UUID.fromString(text);
    }

    private static BigDecimal[] range(long min, long max) {
        return new BigDecimal[] {BigDecimal.valueOf(min), BigDecimal.valueOf(max)};
    }

    private record Temporal(String form, Function<String, Object> parse) {
    }
}
