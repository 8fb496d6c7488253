package fi.avain.routes.reports;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * One row of the dataset: a client's money and work in one service class, channel and month, with the
 * client's outcome repeated on each of the client's rows. Money in euros. A suppressed group is one
 * row with only its tenant, group and cohort, and {@code suppressed} true.
 */
record CostRow(String tenant, String pseudonym, String clientGroup, String cohort, String serviceClass,
               String channel, String month, BigDecimal allocated, BigDecimal held, BigDecimal spent,
               BigDecimal clientShare, Long events, BigDecimal staffHours, BigDecimal assistantHours,
               BigDecimal importedCost, String instrument, BigDecimal outcomeBaseline, BigDecimal outcomeLatest,
               BigDecimal outcomeChange, boolean suppressed) {

    static final List<String> COLUMNS = List.of("tenant", "pseudonym", "clientGroup", "cohort", "serviceClass",
            "channel", "month", "allocated", "held", "spent", "clientShare", "events", "staffHours", "assistantHours",
            "importedCost", "instrument", "outcomeBaseline", "outcomeLatest", "outcomeChange", "suppressed");

    static CostRow suppressed(GroupKey group) {
        return new CostRow(group.tenant(), null, group.clientGroup(), group.cohort(), null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, true);
    }

    /** The values in {@link #COLUMNS}' order. */
    List<Object> values() {
        return Arrays.asList(tenant, pseudonym, clientGroup, cohort, serviceClass, channel, month, allocated, held,
                spent, clientShare, events, staffHours, assistantHours, importedCost, instrument, outcomeBaseline,
                outcomeLatest, outcomeChange, suppressed);
    }
}
