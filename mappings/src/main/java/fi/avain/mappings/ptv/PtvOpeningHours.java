package fi.avain.mappings.ptv;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.mappings.MappingException;
import fi.avain.mappings.model.OpeningHours;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A channel's regular weekly hours ({@code serviceHourType} DaysOfTheWeek). Exceptional hours and
 * holidays are left out: the marketplace shows the regular week.
 */
final class PtvOpeningHours {
    private static final String FIELD = "serviceChannel.serviceHours";

    private PtvOpeningHours() {
    }

    static List<OpeningHours> read(JsonNode serviceHours) {
        List<OpeningHours> hours = new ArrayList<>();
        for (JsonNode block : serviceHours) {
            if (!"DaysOfTheWeek".equals(block.path("serviceHourType").asText())
                    || block.path("isClosed").asBoolean(false)) {
                continue;
            }
            for (JsonNode opening : block.path("openingHour")) {
                addDays(opening, hours);
            }
        }
        return hours;
    }

    /** One entry per day of dayFrom..dayTo; a range may wrap over the weekend (Friday to Monday). */
    private static void addDays(JsonNode opening, List<OpeningHours> hours) {
        DayOfWeek from = day(PtvFields.text(opening, "dayFrom"))
                .orElseThrow(() -> new MappingException(FIELD, "dayFrom is missing"));
        DayOfWeek to = day(PtvFields.text(opening, "dayTo")).orElse(from);
        LocalTime opens = time(opening, "from");
        LocalTime closes = time(opening, "to");
        int days = Math.floorMod(to.getValue() - from.getValue(), 7);
        for (int i = 0; i <= days; i++) {
            hours.add(new OpeningHours(from.plus(i), opens, closes));
        }
    }

    private static Optional<DayOfWeek> day(Optional<String> name) {
        try {
            return name.map(n -> DayOfWeek.valueOf(n.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new MappingException(FIELD, "day must be an English weekday name");
        }
    }

    private static LocalTime time(JsonNode opening, String field) {
        String text = PtvFields.text(opening, field)
                .orElseThrow(() -> new MappingException(FIELD, field + " is missing"));
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new MappingException(FIELD, field + " must be a time of day");
        }
    }
}
