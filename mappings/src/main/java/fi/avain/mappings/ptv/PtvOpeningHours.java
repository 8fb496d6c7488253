package fi.avain.mappings.ptv;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.mappings.MappingException;
import fi.avain.mappings.model.OpeningHours;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A channel's weekly hours: {@code serviceHourType} DaysOfTheWeek and OverMidnight, regular or
 * seasonal (PTV's {@code validFrom}/{@code validTo}, kept with the hours), and {@code isAlwaysOpen}.
 * Exceptional hours and holidays are left out, as are hours by appointment only
 * ({@code isReservation}), which have no times: the marketplace shows the week.
 */
final class PtvOpeningHours {
    private static final String FIELD = "serviceChannel.serviceHours";

    private PtvOpeningHours() {
    }

    static List<OpeningHours> read(JsonNode serviceHours) {
        List<OpeningHours> hours = new ArrayList<>();
        for (JsonNode block : serviceHours) {
            String type = block.path("serviceHourType").asText();
            boolean weekly = "DaysOfTheWeek".equals(type);
            if (!(weekly || "OverMidnight".equals(type)) || block.path("isClosed").asBoolean(false)) {
                continue;
            }
            Optional<LocalDate> from = date(block, "validFrom");
            Optional<LocalDate> to = date(block, "validTo");
            if (block.path("isAlwaysOpen").asBoolean(false)) {
                for (DayOfWeek day : DayOfWeek.values()) {
                    hours.add(new OpeningHours(day, LocalTime.MIDNIGHT, OpeningHours.END_OF_DAY, from, to));
                }
                continue;
            }
            for (JsonNode opening : block.path("openingHour")) {
                if (weekly) {
                    addDays(opening, from, to, hours);
                } else {
                    addNight(opening, from, to, hours);
                }
            }
        }
        return hours;
    }

    /** One entry per day of dayFrom..dayTo; a range may wrap over the weekend (Friday to Monday). */
    private static void addDays(JsonNode opening, Optional<LocalDate> validFrom, Optional<LocalDate> validTo,
                                List<OpeningHours> hours) {
        DayOfWeek from = day(PtvFields.text(opening, "dayFrom"))
                .orElseThrow(() -> new MappingException(FIELD, "dayFrom is missing"));
        DayOfWeek to = day(PtvFields.text(opening, "dayTo")).orElse(from);
        LocalTime opens = time(opening, "from");
        LocalTime closes = time(opening, "to");
        int days = Math.floorMod(to.getValue() - from.getValue(), 7);
        for (int i = 0; i <= days; i++) {
            hours.add(new OpeningHours(from.plus(i), opens, closes, validFrom, validTo));
        }
    }

    /**
     * Open from dayFrom's opening time without a break to dayTo's closing time, as one entry a day:
     * Friday 22:00 to Saturday 04:00 is Friday 22:00-23:59:59 and Saturday 00:00-04:00.
     */
    private static void addNight(JsonNode opening, Optional<LocalDate> validFrom, Optional<LocalDate> validTo,
                                 List<OpeningHours> hours) {
        DayOfWeek from = day(PtvFields.text(opening, "dayFrom"))
                .orElseThrow(() -> new MappingException(FIELD, "dayFrom is missing"));
        LocalTime opens = time(opening, "from");
        LocalTime closes = time(opening, "to");
        DayOfWeek to = day(PtvFields.text(opening, "dayTo")).orElse(closes.isAfter(opens) ? from : from.plus(1));
        int days = Math.floorMod(to.getValue() - from.getValue(), 7);
        if (days == 0) {
            hours.add(new OpeningHours(from, opens, closes, validFrom, validTo));
            return;
        }
        for (int i = 0; i <= days; i++) {
            hours.add(new OpeningHours(from.plus(i), i == 0 ? opens : LocalTime.MIDNIGHT,
                    i == days ? closes : OpeningHours.END_OF_DAY, validFrom, validTo));
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

    /** PTV's dates come as local date-times at midnight ("2026-06-01T00:00:00"); the date is what counts. */
    private static Optional<LocalDate> date(JsonNode block, String field) {
        Optional<String> text = PtvFields.text(block, field);
        try {
            return text.map(t -> LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t));
        } catch (DateTimeParseException e) {
            throw new MappingException(FIELD, field + " must be a date");
        }
    }
}
