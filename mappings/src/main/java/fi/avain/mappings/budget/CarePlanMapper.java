package fi.avain.mappings.budget;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fi.avain.mappings.MappingException;
import fi.avain.mappings.model.Hetu;
import fi.avain.mappings.model.InvalidValueException;
import fi.avain.mappings.model.Money;
import fi.avain.mappings.model.MunicipalityCode;
import fi.avain.mappings.model.ServiceClassUri;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the care-plan JSON of {@code docs/formats/care-plan.md} into a {@link CarePlan}. Every
 * refusal names the field by its path in the document and the rule it broke, never the value.
 */
public final class CarePlanMapper {
    // Numbers read exactly: through a double, 1e400 is infinite and large amounts lose their cents.
    // Duplicate keys and trailing content are refused: a plan that sets a budget must say one thing.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Pattern MCC = Pattern.compile("\\d{4}");
    private static final int MAX_LINES = 200;
    private static final int MAX_TEXT = 200;

    private CarePlanMapper() {
    }

    public static CarePlan fromJson(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MappingException("plan", "must be well-formed JSON without duplicate keys");
        } catch (IOException e) {
            throw new MappingException("plan", "cannot be read");
        }
        if (root == null || !root.isObject()) {
            throw new MappingException("plan", "must be a JSON object");
        }
        return fromTree(root);
    }

    public static CarePlan fromTree(JsonNode root) {
        String planId = id(root, "planId");
        String tenant = id(root, "tenant");
        JsonNode client = object(root, "client");
        Hetu hetu = MappingException.parse("client.identityCode", text(client, "identityCode", "client.identityCode"),
                Hetu::parse);
        String municipality = optionalText(client, "homeMunicipality");
        MunicipalityCode home = municipality == null ? null
                : MappingException.parse("client.homeMunicipality", municipality, MunicipalityCode::parse);
        String clientGroup = boundedText(root, "clientGroup", "clientGroup");
        Cohort cohort = enumValue("cohort", text(root, "cohort", "cohort"), Cohort::parse);
        Period period = period(root.get("period"), "period");

        JsonNode lines = root.get("lines");
        if (lines == null || !lines.isArray() || lines.isEmpty()) {
            throw new MappingException("lines", "must be a non-empty array");
        }
        if (lines.size() > MAX_LINES) {
            throw new MappingException("lines", "must have at most " + MAX_LINES + " lines");
        }
        List<PlanLine> parsed = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            PlanLine line = line(lines.get(i), "lines[" + i + "]", period);
            if (!codes.add(line.code())) {
                throw new MappingException("lines[" + i + "].code", "must be unique within the plan");
            }
            parsed.add(line);
        }
        return new CarePlan(planId, tenant, hetu, home, clientGroup, cohort, period, parsed);
    }

    private static PlanLine line(JsonNode node, String path, Period planPeriod) {
        if (node == null || !node.isObject()) {
            throw new MappingException(path, "must be an object");
        }
        String code = id(node, "code", path + ".code");
        String category = boundedText(node, "category", path + ".category");
        Money allocated = money(node.get("allocated"), path + ".allocated", true);
        if (allocated == null) {
            throw new MappingException(path + ".allocated", "is required");
        }
        Period period = node.hasNonNull("period") ? period(node.get("period"), path + ".period") : planPeriod;
        if (!period.within(planPeriod)) {
            throw new MappingException(path + ".period", "must lie within the plan's period");
        }
        Set<ServiceClassUri> classes = new LinkedHashSet<>();
        for (String s : strings(node, "serviceClasses", path)) {
            classes.add(MappingException.parse(path + ".serviceClasses", s, ServiceClassUri::parse));
        }
        Set<String> mccs = new LinkedHashSet<>();
        for (String s : strings(node, "merchantCategoryCodes", path)) {
            if (!MCC.matcher(s).matches()) {
                throw new MappingException(path + ".merchantCategoryCodes", "must be four-digit merchant category codes");
            }
            mccs.add(s);
        }
        Set<Channel> channels = new LinkedHashSet<>();
        for (String s : strings(node, "channels", path)) {
            channels.add(enumValue(path + ".channels", s, Channel::parse));
        }
        if (channels.isEmpty()) {
            throw new MappingException(path + ".channels", "must name at least one channel");
        }
        if (channels.contains(Channel.CARD) && mccs.isEmpty()) {
            throw new MappingException(path + ".merchantCategoryCodes", "are required when the line allows the card");
        }
        Money perTransaction = money(node.get("perTransactionLimit"), path + ".perTransactionLimit", false);
        Money perDay = money(node.get("perDayLimit"), path + ".perDayLimit", false);
        JsonNode share = node.get("clientShareCharged");
        if (share != null && !share.isNull() && !share.isBoolean()) {
            throw new MappingException(path + ".clientShareCharged", "must be true or false");
        }
        return new PlanLine(code, category, allocated, period, classes, mccs, channels, perTransaction, perDay,
                share != null && share.asBoolean());
    }

    /** Euros as a JSON string or number, at most two decimals; zero is allowed only where {@code zeroAllowed}. */
    private static Money money(JsonNode node, String field, boolean zeroAllowed) {
        if (node == null || node.isNull()) {
            return null;
        }
        Money money;
        if (node.isTextual()) {
            money = MappingException.parse(field, node.asText(), Money::parse);
        } else if (node.isNumber()) {
            if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
                throw new MappingException(field, "must be euros with at most two decimals");
            }
            BigDecimal euros = node.decimalValue();
            try {
                money = Money.of(euros);
            } catch (InvalidValueException e) {
                throw new MappingException(field, e);
            }
        } else {
            throw new MappingException(field, "must be euros as a string or number");
        }
        if (money.isNegative() || (!zeroAllowed && money.cents() == 0)) {
            throw new MappingException(field, zeroAllowed ? "must not be negative" : "must be positive");
        }
        return money;
    }

    private static Period period(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new MappingException(path, "must be an object with start and end");
        }
        LocalDate start = date(node, "start", path + ".start");
        LocalDate end = date(node, "end", path + ".end");
        if (end.isBefore(start)) {
            throw new MappingException(path + ".end", "must not be before start");
        }
        return new Period(start, end);
    }

    private static LocalDate date(JsonNode node, String name, String path) {
        String text = text(node, name, path);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new MappingException(path, "must be a date YYYY-MM-DD");
        }
    }

    private static List<String> strings(JsonNode node, String name, String path) {
        JsonNode array = node.get(name);
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new MappingException(path + "." + name, "must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw new MappingException(path + "." + name, "must be an array of strings");
            }
            out.add(item.asText().strip());
        }
        return out;
    }

    private static <E> E enumValue(String field, String text, Function<String, E> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new MappingException(field, e.getMessage().startsWith("unknown") ? "is not one of the known values"
                    : "is not valid");
        }
    }

    private static JsonNode object(JsonNode node, String name) {
        JsonNode child = node.get(name);
        if (child == null || !child.isObject()) {
            throw new MappingException(name, "must be an object");
        }
        return child;
    }

    private static String id(JsonNode node, String name) {
        return id(node, name, name);
    }

    private static String id(JsonNode node, String name, String path) {
        String text = text(node, name, path);
        if (!ID.matcher(text).matches()) {
            throw new MappingException(path, "must be 1-128 letters, digits or . _ : -");
        }
        return text;
    }

    private static String boundedText(JsonNode node, String name, String path) {
        String text = text(node, name, path);
        if (text.length() > MAX_TEXT) {
            throw new MappingException(path, "must be at most " + MAX_TEXT + " characters");
        }
        return text;
    }

    private static String text(JsonNode node, String name, String path) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            throw new MappingException(path, "is required");
        }
        if (!child.isTextual() || child.asText().isBlank()) {
            throw new MappingException(path, "must be a non-empty string");
        }
        return child.asText().strip();
    }

    private static String optionalText(JsonNode node, String name) {
        JsonNode child = node.get(name);
        return child == null || child.isNull() ? null : child.asText();
    }
}
