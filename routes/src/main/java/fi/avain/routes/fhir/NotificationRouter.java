package fi.avain.routes.fhir;

import fi.avain.budget.Portal;
import fi.avain.routes.fhir.NotificationQueries.Change;
import fi.avain.routes.fhir.NotificationQueries.Watcher;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Turns the ledger's change outbox into notifications: each change, in id order, becomes one notification
 * per live subscription it matches, and leaves the outbox in the same transaction. {@code Account?patient=P}
 * matches a change on any budget of client P and carries that budget's Account;
 * {@code ChargeItem?account=A} matches when A is the change's budget or a line its movement touched, and
 * carries the charge the movement changed (a movement that changes no charge, such as an allocation,
 * notifies no ChargeItem subscriber).
 */
final class NotificationRouter {
    private final NotificationQueries queries;
    private final TransactionOperations tx;
    private final Portal portal;
    private final Clock clock;
    private final int batchSize;

    NotificationRouter(NotificationQueries queries, TransactionOperations tx, Portal portal, Clock clock, int batchSize) {
        this.queries = queries;
        this.tx = tx;
        this.portal = portal;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /**
     * Routes one batch; answers how many changes it consumed. Zero also when another node is routing older
     * changes: going ahead of it would put later changes before earlier ones in a subscriber's queue.
     */
    int routeBatch() {
        Integer routed = tx.execute(status -> {
            List<Change> changes = queries.lockChanges(batchSize);
            if (changes.isEmpty() || changes.get(0).id() != queries.oldestChange()) {
                return 0;
            }
            Instant now = clock.instant();
            Map<UUID, Optional<UUID>> clients = new HashMap<>();
            for (Change change : changes) {
                clients.computeIfAbsent(change.budgetId(), portal::clientOfBudget)
                        .ifPresent(client -> route(change, client, now));
            }
            queries.consume(changes.stream().map(Change::id).toList());
            return changes.size();
        });
        return routed == null ? 0 : routed;
    }

    private void route(Change change, UUID client, Instant now) {
        List<Watcher> watchers = queries.watchers(client, now);
        List<UUID> lines = null;
        Optional<UUID> charge = null;
        for (Watcher watcher : watchers) {
            if (watcher.resource().equals(SubscriptionCriteria.ACCOUNT)) {
                queries.owe(watcher.id(), change, SubscriptionCriteria.ACCOUNT, change.budgetId(), now);
                continue;
            }
            if (lines == null) {
                lines = queries.linesOf(change.movementId());
            }
            if (!watcher.criteriaId().equals(change.budgetId()) && !lines.contains(watcher.criteriaId())) {
                continue;
            }
            if (charge == null) {
                charge = portal.chargeOfMovement(change.movementId(), change.channel(), change.reference());
            }
            charge.ifPresent(id -> queries.owe(watcher.id(), change, SubscriptionCriteria.CHARGE_ITEM, id, now));
        }
    }
}
