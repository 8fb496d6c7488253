package fi.avain.routes.reports;

import fi.avain.budget.ClientIdentities;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is in a period's report: HB clients with a budget in force some time in the window (their
 * pseudonyms made from the ledger's sealed identity, which is opened only here and not kept), the
 * followed clients of {@code report_member} who had joined by the period's end, and anyone with
 * imported costs in the window or outcomes by its end. A client's group and cohort are those of
 * {@code report_member} when there, else those of the client's latest budget in the window.
 */
final class ReportPopulation {
    static final String UNASSIGNED_GROUP = "unassigned";
    static final String UNKNOWN_COHORT = "UNKNOWN";
    private static final Comparator<ReportClient> ORDER = Comparator.comparing(ReportClient::tenant)
            .thenComparing(ReportClient::clientGroup).thenComparing(ReportClient::cohort)
            .thenComparing(ReportClient::pseudonym);

    private ReportPopulation() {
    }

    /**
     * The clients in report order: tenant, client group, cohort, pseudonym. A budget of a tenant without
     * a reporting key cannot be given a pseudonym: it is left out and its tenant added to {@code withoutKey},
     * so that one tenant's missing key does not stop every other tenant's report.
     */
    static List<ReportClient> of(CostReportQueries queries, ClientIdentities identities,
                                 ReportingPseudonyms pseudonyms, ReportPeriod period, Set<String> withoutKey) {
        Map<String, ReportClient> clients = new HashMap<>();
        queries.ledgerClients(period, c -> {
            if (withoutKey.contains(c.tenant()) || !pseudonyms.hasKey(c.tenant())) {
                withoutKey.add(c.tenant());
                return;
            }
            String pseudonym = pseudonyms.of(c.tenant(), identities.open(c.identity()));
            clients.putIfAbsent(key(c.tenant(), pseudonym),
                    new ReportClient(c.tenant(), pseudonym, c.clientGroup(), c.cohort(), c.clientId()));
        });
        queries.members(period, m -> clients.merge(key(m.tenant(), m.pseudonym()),
                new ReportClient(m.tenant(), m.pseudonym(), m.clientGroup(), m.cohort(), null),
                (ledger, member) -> new ReportClient(ledger.tenant(), ledger.pseudonym(), member.clientGroup(),
                        member.cohort(), ledger.clientId())));
        queries.reportedPseudonyms(period, pair -> clients.putIfAbsent(key(pair[0], pair[1]),
                new ReportClient(pair[0], pair[1], UNASSIGNED_GROUP, UNKNOWN_COHORT, null)));
        List<ReportClient> out = new ArrayList<>(clients.values());
        out.sort(ORDER);
        return out;
    }

    private static String key(String tenant, String pseudonym) {
        return tenant + '\n' + pseudonym;
    }
}
