package fi.avain.mappings.budget;

import fi.avain.mappings.model.Hetu;
import fi.avain.mappings.model.MunicipalityCode;
import java.util.List;

/**
 * A care and service plan's budget as case management sends it. The same {@code planId} sent again
 * is a re-plan: a new version of the same budget.
 *
 * @param homeMunicipality the client's home municipality, or null when not given
 */
public record CarePlan(String planId, String tenant, Hetu client, MunicipalityCode homeMunicipality,
                       String clientGroup, Cohort cohort, Period period, List<PlanLine> lines) {

    public CarePlan {
        lines = List.copyOf(lines);
    }
}
