package fi.avain.mappings.reports;

import fi.avain.mappings.budget.Cohort;
import fi.avain.mappings.model.Money;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One client's cost of one service class in one month, from one source (a finance system), as a
 * costs file states it (docs/formats/costs.md).
 *
 * @param serviceClass the PTV code ({@code P10.1}), or the older URN form as given
 * @param staffHours   the municipality's own staff's hours, or null
 * @param assistantHours personal assistants' hours, or null
 */
public record CostRecord(ClientRef client, String clientGroup, Cohort cohort, String serviceClass, YearMonth period,
                         Money cost, String source, BigDecimal staffHours, BigDecimal assistantHours) {
    public CostRecord {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(clientGroup, "clientGroup");
        Objects.requireNonNull(cohort, "cohort");
        Objects.requireNonNull(serviceClass, "serviceClass");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(source, "source");
    }
}
