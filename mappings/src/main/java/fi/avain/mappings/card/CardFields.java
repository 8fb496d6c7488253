package fi.avain.mappings.card;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fi.avain.mappings.MappingException;
import fi.avain.mappings.model.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reading the card formats' fields. Every refusal names the field and the rule, never the value:
 * card and merchant data are not to be echoed into logs or answers.
 */
final class CardFields {
    static final int MAX_ID_LENGTH = 255;
    static final int MAX_NAME_LENGTH = 1000;
    /** Euros as the formats write them: a dot and at most two decimals, no exponent, no grouping. */
    private static final Pattern EUROS = Pattern.compile("-?\\d{1,11}(\\.\\d{1,2})?");
    private static final Pattern MCC = Pattern.compile("\\d{4}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final int MAX_EURO_DIGITS = 11;
    private static final String EUROS_RULE = "must be euros with at most two decimals, like 12.50";

    // Duplicate keys and trailing content are refused: a signed message about money must say one thing.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private CardFields() {
    }

    /** The body as a JSON object, or a refusal naming {@code field}. */
    static JsonNode object(byte[] json, String field) {
        if (json == null || json.length == 0) {
            throw new MappingException(field, "is empty");
        }
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw new MappingException(field, "must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new MappingException(field, "must be well-formed JSON without duplicate keys");
        }
    }

    /** A present, non-null member, or empty; an object or array where text belongs is refused. */
    static Optional<String> text(JsonNode node, String member, String field) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new MappingException(field, "must be text");
        }
        return value.asText().isBlank() ? Optional.empty() : Optional.of(value.asText().strip());
    }

    static String required(JsonNode node, String member, String field) {
        return text(node, member, field).orElseThrow(() -> new MappingException(field, "is missing"));
    }

    /** An id from the processor: 1–255 characters, no control characters. */
    static String id(String value, String field) {
        if (value.length() > MAX_ID_LENGTH) {
            throw new MappingException(field, "must be at most " + MAX_ID_LENGTH + " characters");
        }
        if (CONTROL.matcher(value).find()) {
            throw new MappingException(field, "must not contain control characters");
        }
        return value;
    }

    static Optional<String> name(Optional<String> value, String field) {
        value.ifPresent(text -> {
            if (text.length() > MAX_NAME_LENGTH) {
                throw new MappingException(field, "must be at most " + MAX_NAME_LENGTH + " characters");
            }
        });
        return value;
    }

    static String mcc(String value, String field) {
        if (!MCC.matcher(value).matches()) {
            throw new MappingException(field, "must be exactly four digits");
        }
        return value;
    }

    /** Euros as text ({@code "12.50"}); {@code signed} lets a settlement total be zero or negative. */
    static Money euros(String text, String field, boolean signed) {
        if (!EUROS.matcher(text).matches()) {
            throw new MappingException(field, EUROS_RULE);
        }
        return checkSign(Money.of(new BigDecimal(text)), field, signed);
    }

    /** Euros as JSON text or a JSON number; a number is read exactly, never through a double. */
    static Money euros(JsonNode value, String field, boolean signed) {
        if (value.isTextual()) {
            return euros(value.asText().strip(), field, signed);
        }
        if (!value.isNumber()) {
            throw new MappingException(field, EUROS_RULE);
        }
        BigDecimal euros = value.decimalValue().stripTrailingZeros();
        // Checked before scaling, so an exponent like 1e999999999 is refused rather than expanded.
        if (euros.scale() > 2 || euros.precision() - euros.scale() > MAX_EURO_DIGITS) {
            throw new MappingException(field, EUROS_RULE);
        }
        return checkSign(Money.of(euros), field, signed);
    }

    /** A whole number of cents, as Stripe sends amounts. */
    static long cents(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            throw new MappingException(field, "is missing");
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new MappingException(field, "must be a whole number of cents");
        }
        return value.longValue();
    }

    static Money positive(long cents, String field) {
        if (cents <= 0) {
            throw new MappingException(field, "must be more than zero");
        }
        return Money.ofCents(cents);
    }

    static void euro(String currency, String field) {
        if (!currency.equalsIgnoreCase("EUR")) {
            throw new MappingException(field, "must be EUR");
        }
    }

    static Instant instant(String text, String field) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new MappingException(field, "must be an ISO-8601 time with a zone, like 2026-11-23T10:00:00Z");
        }
    }

    static Instant unixSeconds(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            throw new MappingException(field, "is missing");
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw new MappingException(field, "must be whole seconds since 1970");
        }
        return Instant.ofEpochSecond(value.longValue());
    }

    static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new MappingException(field, "must be an ISO-8601 date, like 2026-11-23");
        }
    }

    static boolean flag(JsonNode node, String member, String field) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new MappingException(field, "must be true or false");
        }
        return value.booleanValue();
    }

    private static Money checkSign(Money amount, String field, boolean signed) {
        if (!signed && amount.cents() <= 0) {
            throw new MappingException(field, "must be more than zero");
        }
        return amount;
    }
}
