package fi.avain.mappings.hsds;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.mappings.model.OpeningHours;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * Weekly opening hours as HSDS schedules (RFC 5545 style): consecutive days with the same hours
 * share one schedule, e.g. byday "MO,TU,WE,TH,FR" 08:00-16:00; seasonal hours carry their
 * valid_from and valid_to.
 */
final class HsdsSchedules {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private HsdsSchedules() {
    }

    static ArrayNode of(UUID locationId, List<OpeningHours> hours) {
        ArrayNode array = HsdsNodes.NODES.arrayNode();
        int start = 0;
        while (start < hours.size()) {
            int end = start + 1;
            while (end < hours.size() && sameHours(hours.get(start), hours.get(end))) {
                end++;
            }
            array.add(schedule(locationId, array.size(), hours.subList(start, end)));
            start = end;
        }
        return array;
    }

    private static boolean sameHours(OpeningHours a, OpeningHours b) {
        return a.opens().equals(b.opens()) && a.closes().equals(b.closes()) && a.sameWeeksAs(b);
    }

    private static ObjectNode schedule(UUID locationId, int index, List<OpeningHours> days) {
        StringBuilder byday = new StringBuilder();
        for (OpeningHours day : days) {
            byday.append(byday.length() == 0 ? "" : ",").append(day.day().name(), 0, 2);
        }
        ObjectNode node = HsdsNodes.child(locationId, "schedule", index, "location_id");
        node.put("freq", "WEEKLY");
        node.put("wkst", "MO");
        node.put("byday", byday.toString());
        node.put("opens_at", TIME.format(days.get(0).opens()));
        node.put("closes_at", TIME.format(days.get(0).closes()));
        days.get(0).validFrom().ifPresent(date -> node.put("valid_from", date.toString()));
        days.get(0).validTo().ifPresent(date -> node.put("valid_to", date.toString()));
        return node;
    }
}
