package fi.avain.routes.reports;

import java.util.UUID;

/**
 * One client in a report: the tenant's reporting pseudonym, client group and cohort, and for HB clients
 * the ledger's client id (kept in memory only while the report is made, never written).
 */
record ReportClient(String tenant, String pseudonym, String clientGroup, String cohort, UUID clientId) {

    GroupKey group() {
        return new GroupKey(tenant, clientGroup, cohort);
    }
}
