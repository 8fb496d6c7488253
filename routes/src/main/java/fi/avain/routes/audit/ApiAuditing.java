package fi.avain.routes.audit;

import fi.avain.mappings.fhir.AuditRecord;
import fi.avain.routes.security.Caller;
import fi.avain.routes.security.PortalCallers;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The audit of {@code /api} reads of a client's data, in the same events as the portal's: a controller
 * calls this once it has found the data and before it answers, so an event that cannot be written
 * ({@link AuditUnavailableException}) leaves the caller with an error and without the data. Nothing found,
 * nothing recorded: a 404 or an empty list names no client.
 */
@Component
public class ApiAuditing {
    /** HL7 v3 PurposeOfUse: systems and operators read for the operations of the service. */
    private static final String PURPOSE = "HOPERAT";

    private final PortalAudit audit;
    private final Clock clock;

    ApiAuditing(PortalAudit audit, ObjectProvider<Clock> clock) {
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Records a read of one client's resources, such as {@code Account/<budget id>}. */
    public void read(UUID clientId, String tenant, String... resources) {
        record("read", clientId, tenant, List.of(resources));
    }

    /** Records a search within one client's data, such as the entries of {@code Account/<budget id>}. */
    public void search(UUID clientId, String tenant, String... resources) {
        record("search", clientId, tenant, List.of(resources));
    }

    /**
     * Records a search that found {@code found}, one event per client in it (as the portal records a
     * search per client), naming what it found of that client; answers {@code found}.
     */
    public <T> List<T> searched(List<T> found, Function<T, UUID> client, Function<T, String> tenant,
                                Function<T, String> reference) {
        Map<UUID, Hits> byClient = new LinkedHashMap<>();
        for (T item : found) {
            byClient.computeIfAbsent(client.apply(item), c -> new Hits(tenant.apply(item), new ArrayList<>()))
                    .resources().add(reference.apply(item));
        }
        byClient.forEach((clientId, hits) -> record("search", clientId, hits.tenant(), hits.resources()));
        return found;
    }

    private record Hits(String tenant, List<String> resources) {
    }

    private void record(String action, UUID clientId, String tenant, List<String> resources) {
        Caller caller = PortalCallers.current();
        audit.record(new AuditRecord(UUID.randomUUID(), clock.instant(), caller.role(), caller.actor(), clientId,
                tenant, action, resources, PURPOSE, "0"));
    }
}
