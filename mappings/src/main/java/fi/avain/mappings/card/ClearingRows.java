package fi.avain.mappings.card;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.mappings.MappingException;
import fi.avain.mappings.model.InvalidValueException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One clearing row, from either encoding, to a {@link ClearingRecord}. A CSV row arrives as an
 * object of texts under the JSON names; errors name the field as the file's own encoding does.
 */
final class ClearingRows {
    private static final Pattern COUNT = Pattern.compile("\\d{1,9}");

    /** The fields of a clearing record: the CSV column and the JSON member (the record's component). */
    enum Column {
        RECORD_ID("record_id", "recordId"),
        TYPE("type", "type"),
        AUTHORIZATION_ID("authorization_id", "authorizationId"),
        CARD_ID("card_id", "cardId"),
        AMOUNT("amount", "amount"),
        CURRENCY("currency", "currency"),
        MERCHANT_CATEGORY_CODE("merchant_category_code", "merchantCategoryCode"),
        MERCHANT_NAME("merchant_name", "merchantName"),
        OCCURRED_AT("occurred_at", "occurredAt"),
        SETTLEMENT_DATE("settlement_date", "settlementDate"),
        COUNT("count", "count");

        final String csv;
        final String json;

        Column(String csv, String json) {
            this.csv = csv;
            this.json = json;
        }

        static Optional<Column> ofJson(String member) {
            return Arrays.stream(values()).filter(c -> c.json.equals(member)).findFirst();
        }
    }

    static final List<Column> COLUMNS = List.of(Column.values());

    /** How a file names its fields. */
    enum Naming {
        CSV, JSON;

        String of(Column column) {
            return this == CSV ? column.csv : column.json;
        }
    }

    private final JsonNode row;
    private final Naming naming;

    private ClearingRows(JsonNode row, Naming naming) {
        this.row = row;
        this.naming = naming;
    }

    /** The record id, when the row has a usable one, for naming the row even when it is invalid. */
    static Optional<String> recordId(JsonNode row) {
        JsonNode id = row.get(Column.RECORD_ID.json);
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            return Optional.empty();
        }
        String text = id.asText().strip();
        return text.length() <= CardFields.MAX_ID_LENGTH && text.chars().noneMatch(Character::isISOControl)
                ? Optional.of(text) : Optional.empty();
    }

    static ClearingRecord record(JsonNode row, Naming naming) {
        return new ClearingRows(row, naming).record();
    }

    private ClearingRecord record() {
        ClearingType type = type();
        CardFields.euro(required(Column.CURRENCY), name(Column.CURRENCY));
        try {
            return new ClearingRecord(
                    id(required(Column.RECORD_ID), Column.RECORD_ID),
                    type,
                    text(Column.AUTHORIZATION_ID).map(id -> id(id, Column.AUTHORIZATION_ID)).orElse(null),
                    text(Column.CARD_ID).map(id -> id(id, Column.CARD_ID)).orElse(null),
                    CardFields.euros(value(Column.AMOUNT), name(Column.AMOUNT), type == ClearingType.SETTLEMENT),
                    text(Column.MERCHANT_CATEGORY_CODE)
                            .map(code -> CardFields.mcc(code, name(Column.MERCHANT_CATEGORY_CODE))).orElse(null),
                    CardFields.name(text(Column.MERCHANT_NAME), name(Column.MERCHANT_NAME)).orElse(null),
                    CardFields.instant(required(Column.OCCURRED_AT), name(Column.OCCURRED_AT)),
                    CardFields.date(required(Column.SETTLEMENT_DATE), name(Column.SETTLEMENT_DATE)),
                    count());
        } catch (InvalidValueException e) {
            throw new MappingException(Column.ofJson(e.field()).map(this::name).orElse(e.field()), e);
        }
    }

    private ClearingType type() {
        String text = required(Column.TYPE).toLowerCase(Locale.ROOT);
        return switch (text) {
            case "capture" -> ClearingType.CAPTURE;
            case "refund" -> ClearingType.REFUND;
            case "reversal" -> ClearingType.REVERSAL;
            case "settlement" -> ClearingType.SETTLEMENT;
            default -> throw new MappingException(name(Column.TYPE), "must be capture, refund, reversal or settlement");
        };
    }

    private Integer count() {
        JsonNode value = row.get(Column.COUNT.json);
        if (value == null || value.isNull() || value.isTextual() && value.asText().isBlank()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= 0) {
            return value.intValue();
        }
        if (value.isTextual() && COUNT.matcher(value.asText().strip()).matches()) {
            return Integer.parseInt(value.asText().strip());
        }
        throw new MappingException(name(Column.COUNT), "must be a whole number, zero or more");
    }

    private JsonNode value(Column column) {
        JsonNode value = row.get(column.json);
        if (value == null || value.isNull() || value.isTextual() && value.asText().isBlank()) {
            throw new MappingException(name(column), "is missing");
        }
        return value;
    }

    private Optional<String> text(Column column) {
        return CardFields.text(row, column.json, name(column));
    }

    private String required(Column column) {
        return CardFields.required(row, column.json, name(column));
    }

    private String id(String value, Column column) {
        return CardFields.id(value, name(column));
    }

    private String name(Column column) {
        return naming.of(column);
    }
}
