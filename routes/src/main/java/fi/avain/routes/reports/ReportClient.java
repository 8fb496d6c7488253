package fi.avain.routes.reports;

import fi.avain.routes.messages.PersonalDataMasker;
import java.util.UUID;

/**
 * One client in a report: the tenant's reporting pseudonym, client group and cohort, and for HB clients
 * the ledger's client id (kept in memory only while the report is made, never written).
 */
record ReportClient(String tenant, String pseudonym, String clientGroup, String cohort, UUID clientId) {
    /**
     * The group and cohort are labels in every file of the report. The intakes refuse identity codes in
     * them; a row kept from before that rule, or written around the intakes, is masked here all the same.
     */
    ReportClient {
        clientGroup = PersonalDataMasker.mask(clientGroup);
        cohort = PersonalDataMasker.mask(cohort);
    }


    GroupKey group() {
        return new GroupKey(tenant, clientGroup, cohort);
    }
}
