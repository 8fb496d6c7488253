package fi.avain.routes.catalogue;

import fi.avain.routes.messages.MessageStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import fi.avain.connectors.marketplace.MarketplaceHeaders;
import org.apache.camel.ProducerTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;

/**
 * Applies sync units: skips what the copy already holds with the same hash, sends the rest to the
 * marketplace (several at once), and only then writes the copy and the messages' outcomes. A crash
 * between the two leaves the copy behind the marketplace, so the next run sends the same PUTs
 * again: the marketplace's PUT and DELETE by id make that harmless.
 */
@Component
class SyncApplier {
    enum Outcome { CREATED, UPDATED, UNCHANGED, DELETED, FAILED }

    record Result(SyncUnit unit, Outcome outcome, String reason) {
    }

    private final CatalogueCopyQueries copy;
    private final MessageStore messages;
    private final ProducerTemplate camel;
    private final Clock clock;
    private final Timer latency;
    private final TransactionTemplate transaction;

    SyncApplier(CatalogueCopyQueries copy, MessageStore messages, ProducerTemplate camel,
            org.springframework.beans.factory.ObjectProvider<Clock> clock, MeterRegistry meters,
            PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.copy = copy;
        this.messages = messages;
        this.camel = camel;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.latency = Timer.builder("avain.flow.latency")
                .description("Time to apply one item downstream")
                .tag("flow", CatalogueSync.FLOW)
                .publishPercentileHistogram()
                .register(meters);
    }

    List<Result> apply(List<SyncUnit> units, Executor pool, SyncCounts counts) {
        Map<HsdsType, Map<UUID, String>> known = knownHashes(units);
        List<CompletableFuture<Result>> futures = new ArrayList<>();
        for (SyncUnit unit : units) {
            futures.add(CompletableFuture.supplyAsync(() -> latency.record(() -> send(unit, known)), pool));
        }
        List<Result> results = futures.stream().map(CompletableFuture::join).toList();
        // The copy and the messages' outcomes of a batch commit together: one commit, not several.
        transaction.executeWithoutResult(status -> record(results, known, counts));
        copy.refreshStatisticsAsItGrows();
        return results;
    }

    private Result send(SyncUnit unit, Map<HsdsType, Map<UUID, String>> known) {
        boolean primaryExisted = !unit.upserts().isEmpty()
                && known.get(unit.upserts().get(0).type()).containsKey(unit.upserts().get(0).id());
        boolean changed = false;
        try {
            for (CatalogueItem item : unit.upserts()) {
                String hash = known.get(item.type()).get(item.id());
                if (!item.contentHash().equals(hash)) {
                    camel.requestBodyAndHeaders("direct:marketplace-put", item.body(),
                            Map.of(MarketplaceHeaders.TYPE, item.type().path(), MarketplaceHeaders.ID, item.id().toString()));
                    changed = true;
                }
            }
            for (SyncUnit.Removal removal : unit.removals()) {
                if (known.get(removal.type()).containsKey(removal.id())) {
                    camel.requestBodyAndHeaders("direct:marketplace-delete", null,
                            Map.of(MarketplaceHeaders.TYPE, removal.type().path(), MarketplaceHeaders.ID, removal.id().toString()));
                    changed = true;
                }
            }
        } catch (RuntimeException e) {
            return new Result(unit, Outcome.FAILED, "marketplace: " + CatalogueSync.reason(e));
        }
        if (!changed) {
            return new Result(unit, Outcome.UNCHANGED, null);
        }
        if (unit.isRemoval()) {
            return new Result(unit, Outcome.DELETED, null);
        }
        return new Result(unit, primaryExisted ? Outcome.UPDATED : Outcome.CREATED, null);
    }

    private Map<HsdsType, Map<UUID, String>> knownHashes(List<SyncUnit> units) {
        Map<HsdsType, Set<UUID>> ids = new HashMap<>();
        for (HsdsType type : HsdsType.values()) {
            ids.put(type, new java.util.HashSet<>());
        }
        for (SyncUnit unit : units) {
            unit.upserts().forEach(i -> ids.get(i.type()).add(i.id()));
            unit.removals().forEach(r -> ids.get(r.type()).add(r.id()));
        }
        Map<HsdsType, Map<UUID, String>> hashes = new HashMap<>();
        ids.forEach((type, set) -> hashes.put(type, set.isEmpty() ? Map.of() : copy.hashes(type, set)));
        return hashes;
    }

    private void record(List<Result> results, Map<HsdsType, Map<UUID, String>> known, SyncCounts counts) {
        List<CatalogueItem> saves = new ArrayList<>();
        Map<HsdsType, List<UUID>> deletes = new HashMap<>();
        Map<UUID, List<Result>> byMessage = new LinkedHashMap<>();
        for (Result result : results) {
            switch (result.outcome()) {
                case CREATED -> counts.created.incrementAndGet();
                case UPDATED -> counts.updated.incrementAndGet();
                case UNCHANGED -> counts.unchanged.incrementAndGet();
                case DELETED -> counts.deleted.incrementAndGet();
                case FAILED -> counts.failed.incrementAndGet();
            }
            if (result.outcome() != Outcome.FAILED && result.outcome() != Outcome.UNCHANGED) {
                result.unit().upserts().stream()
                        .filter(item -> !item.contentHash().equals(known.get(item.type()).get(item.id())))
                        .forEach(saves::add);
                result.unit().removals().forEach(r -> deletes.computeIfAbsent(r.type(), t -> new ArrayList<>()).add(r.id()));
            }
            if (result.unit().messageId() != null) {
                byMessage.computeIfAbsent(result.unit().messageId(), id -> new ArrayList<>()).add(result);
            }
        }
        copy.save(saves, id -> known.get(id.type()).containsKey(id.id()), clock.instant());
        deletes.forEach(copy::delete);
        recordMessages(byMessage);
    }

    private void recordMessages(Map<UUID, List<Result>> byMessage) {
        List<UUID> processed = new ArrayList<>();
        List<UUID> duplicates = new ArrayList<>();
        byMessage.forEach((id, results) -> {
            Result failure = results.stream().filter(r -> r.outcome() == Outcome.FAILED).findFirst().orElse(null);
            if (failure != null) {
                messages.failed(id, failure.reason());
            } else if (results.stream().allMatch(r -> r.outcome() == Outcome.UNCHANGED)) {
                duplicates.add(id);
            } else {
                processed.add(id);
            }
        });
        messages.processedAll(processed);
        messages.duplicateAll(duplicates);
    }
}
