package fi.avain.benchmarks.voucher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documented example requests of {@code /soap/vouchers} (docs/examples/vouchers), with the voucher,
 * the X-Road message id and the event id filled in. The amounts stay as documented: a price of 75.00,
 * 60.00 of it charged to the voucher and 15.00 the client's share.
 */
final class EventTemplates {
    private static final Pattern XROAD_ID = Pattern.compile("<xrd:id>[^<]*</xrd:id>");
    private static final Pattern EVENT_ID = Pattern.compile("<eventId>[^<]*</eventId>");
    private static final Pattern APPLIED = Pattern.compile("<(?:[A-Za-z0-9_]+:)?result>APPLIED</");

    private final String accepted;
    private final String[] event;

    private EventTemplates(String accepted, String event) {
        this.accepted = one(XROAD_ID, accepted, "<xrd:id>{{xroadId}}</xrd:id>");
        String filled = one(EVENT_ID, one(XROAD_ID, event, "<xrd:id>{{xroadId}}</xrd:id>"),
                "<eventId>{{eventId}}</eventId>");
        // split once, so that a request is a few appends
        this.event = filled.split("\\{\\{(?:voucherId|xroadId|eventId)}}", -1);
        if (this.event.length != 4 || filled.indexOf("{{voucherId}}") > filled.indexOf("{{eventId}}")
                || filled.indexOf("{{xroadId}}") > filled.indexOf("{{voucherId}}")) {
            throw new IllegalArgumentException("the service event example is not in the expected shape");
        }
    }

    /** Reads 01-accepted.xml and 02-service-event.xml from {@code dir}. */
    static EventTemplates read(Path dir) throws IOException {
        return new EventTemplates(Files.readString(dir.resolve("01-accepted.xml"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("02-service-event.xml"), StandardCharsets.UTF_8));
    }

    String accepted(String voucherId, String xroadId) {
        return accepted.replace("{{voucherId}}", voucherId).replace("{{xroadId}}", xroadId);
    }

    String event(String voucherId, String eventId, String xroadId) {
        return new StringBuilder(event[0].length() + event[1].length() + event[2].length() + event[3].length() + 128)
                .append(event[0]).append(xroadId).append(event[1]).append(voucherId).append(event[2]).append(eventId)
                .append(event[3]).toString();
    }

    /** Whether an answer says the event was applied. */
    static boolean applied(String answer) {
        return APPLIED.matcher(answer).find();
    }

    private static String one(Pattern pattern, String text, String replacement) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("the example has no " + pattern);
        }
        String out = m.replaceFirst(Matcher.quoteReplacement(replacement));
        if (pattern.matcher(out.replace(replacement, "")).find()) {
            throw new IllegalArgumentException("the example has more than one " + pattern);
        }
        return out;
    }
}
