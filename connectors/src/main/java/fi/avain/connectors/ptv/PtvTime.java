package fi.avain.connectors.ptv;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PTV's two time formats, both UTC without a zone: {@code modified} of an item
 * ({@code 2020-04-22T09:35:58.293984}) and the {@code date=} watermark of a GUID page
 * ({@code 2020-04-22T09:35:58}, nothing more, nothing less).
 */
public final class PtvTime {
    private static final Pattern WATERMARK = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
    private static final Pattern ZONE_OFFSET = Pattern.compile("[+-]\\d\\d:\\d\\d$");
    private static final DateTimeFormatter MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private PtvTime() {
    }

    /** The {@code date=} value for an instant, truncated to the second. */
    public static String watermark(Instant instant) {
        return SECONDS.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    /** Parses a {@code date=} value; empty unless it has exactly PTV's format. */
    public static Optional<Instant> parseWatermark(String text) {
        if (text == null || !WATERMARK.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text, SECONDS).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static String modified(Instant instant) {
        return MODIFIED.format(instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
    }

    /** Parses an item's {@code modified}; PTV leaves the zone out, the value is UTC. A zone, if given, is kept. */
    public static Optional<Instant> parseModified(String text) {
        try {
            if (text.endsWith("Z") || ZONE_OFFSET.matcher(text).find()) {
                return Optional.of(java.time.OffsetDateTime.parse(text).toInstant());
            }
            return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
