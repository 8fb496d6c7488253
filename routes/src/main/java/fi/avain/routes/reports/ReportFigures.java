package fi.avain.routes.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A period's aggregates, as written to {@code aggregates.json} and drawn in the report. Money in euros,
 * outcome scores on the instrument's scale; a suppressed figure has its counts and amounts null.
 */
record ReportFigures(String period, List<String> months, Instant generatedAt, int minGroupSize,
                     Map<String, String> instruments, Summary summary, List<Group> groups,
                     List<Comparison> comparisons, List<Monthly> monthly, List<ByServiceClass> byServiceClass,
                     List<BudgetUse> budgetUse) {

    record Summary(int tenants, int clients, long rows, int groups, int suppressed) {
    }

    /** Per tenant × client group × cohort: the row of {@code aggregates.csv}. */
    record Group(String tenant, String clientGroup, String clientGroupName, String cohort, Integer clients,
                 BigDecimal allocated, BigDecimal held, BigDecimal spent, BigDecimal clientShare, Long events,
                 BigDecimal staffHours, BigDecimal assistantHours, BigDecimal importedCost, BigDecimal cost,
                 BigDecimal meanCost, BigDecimal medianCost, BigDecimal meanSpent, BigDecimal medianSpent,
                 String instrument, Integer clientsWithOutcome, BigDecimal outcomeBaseline, BigDecimal outcomeLatest,
                 BigDecimal outcomeChange, BigDecimal costPerOutcomeUnit, boolean outcomeSuppressed,
                 BigDecimal hbMinusControlMeanCost, BigDecimal hbMinusControlOutcomeChange, boolean suppressed) {

        static final List<String> COLUMNS = List.of("tenant", "clientGroup", "clientGroupName", "cohort", "clients",
                "allocated", "held", "spent", "clientShare", "events", "staffHours", "assistantHours", "importedCost",
                "cost", "meanCost", "medianCost", "meanSpent", "medianSpent", "instrument", "clientsWithOutcome",
                "outcomeBaseline", "outcomeLatest", "outcomeChange", "costPerOutcomeUnit", "outcomeSuppressed",
                "hbMinusControlMeanCost", "hbMinusControlOutcomeChange", "suppressed");

        List<Object> values() {
            return Arrays.asList(tenant, clientGroup, clientGroupName, cohort, clients, allocated, held, spent,
                    clientShare, events, staffHours, assistantHours, importedCost, cost, meanCost, medianCost,
                    meanSpent, medianSpent, instrument, clientsWithOutcome, outcomeBaseline, outcomeLatest,
                    outcomeChange, costPerOutcomeUnit, outcomeSuppressed, hbMinusControlMeanCost,
                    hbMinusControlOutcomeChange, suppressed);
        }

        Group withComparison(BigDecimal meanCostDifference, BigDecimal outcomeChangeDifference) {
            return new Group(tenant, clientGroup, clientGroupName, cohort, clients, allocated, held, spent,
                    clientShare, events, staffHours, assistantHours, importedCost, cost, meanCost, medianCost,
                    meanSpent, medianSpent, instrument, clientsWithOutcome, outcomeBaseline, outcomeLatest,
                    outcomeChange, costPerOutcomeUnit, outcomeSuppressed, meanCostDifference,
                    outcomeChangeDifference, suppressed);
        }
    }

    /** HB against the control group of the same tenant and client group. */
    record Comparison(String tenant, String clientGroup, String clientGroupName, Integer hbClients,
                      Integer controlClients, BigDecimal hbMeanCost, BigDecimal controlMeanCost,
                      BigDecimal meanCostDifference, BigDecimal hbMeanOutcomeChange,
                      BigDecimal controlMeanOutcomeChange, BigDecimal outcomeChangeDifference, boolean suppressed) {
    }

    /** A group's cost in one month; {@code clients} are those with anything booked or imported that month. */
    record Monthly(String tenant, String clientGroup, String cohort, String month, Integer clients, BigDecimal spent,
                   BigDecimal importedCost, BigDecimal cost, boolean suppressed) {
    }

    /** Per tenant × service class × channel over the window. */
    record ByServiceClass(String tenant, String serviceClass, String channel, Integer clients, BigDecimal allocated,
                          BigDecimal spent, BigDecimal clientShare, BigDecimal importedCost, BigDecimal cost,
                          Long events, boolean suppressed) {
    }

    /** Per tenant × line category: the lines in force in the period's month, balances at its end. */
    record BudgetUse(String tenant, String category, Integer clients, Integer lines, BigDecimal allocated,
                     BigDecimal held, BigDecimal spent, BigDecimal available, boolean suppressed) {
    }
}
