package fi.avain.routes.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.avain.connectors.ptv.PtvItem;
import fi.avain.connectors.ptv.PtvSettings;
import fi.avain.routes.jobs.JobProgress;
import fi.avain.routes.messages.InboundMessage;
import fi.avain.routes.messages.MessageStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.CamelExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The catalogue sync: the comparison catalogue, then PTV organisations, channels and services
 * changed since the watermark (and those the comparison catalogue enriches), then PTV's archived
 * and withdrawn items, each stored as a message, mapped, and applied to the marketplace and the
 * copy. A bad item ends in the error store and the run goes on. The watermark of a kind advances
 * only when every page and chunk of that kind was read.
 */
@Component
class CatalogueSync {
    static final String FLOW = "catalogue-sync";
    static final List<String> KINDS = List.of("Organization", "ServiceChannel", "Service");
    private static final Logger log = LoggerFactory.getLogger(CatalogueSync.class);

    private final PtvSource ptv;
    private final ComparisonSource comparison;
    private final PtvItems items;
    private final SyncApplier applier;
    private final CatalogueCopyQueries copy;
    private final WatermarkQueries watermarks;
    private final MessageStore messages;
    private final PtvSettings ptvSettings;
    private final CatalogueSettings settings;
    private final ObjectMapper json;
    private final Clock clock;

    CatalogueSync(PtvSource ptv, ComparisonSource comparison, PtvItems items, SyncApplier applier,
            CatalogueCopyQueries copy, WatermarkQueries watermarks, MessageStore messages, PtvSettings ptvSettings,
            CatalogueSettings settings, ObjectMapper json, ObjectProvider<Clock> clock) {
        this.ptv = ptv;
        this.comparison = comparison;
        this.items = items;
        this.applier = applier;
        this.copy = copy;
        this.watermarks = watermarks;
        this.messages = messages;
        this.ptvSettings = ptvSettings;
        this.settings = settings;
        this.json = json;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    SyncCounts run(boolean full, JobProgress progress) {
        SyncCounts counts = new SyncCounts();
        String source = "ptv@" + ptvSettings.baseUrl();
        ExecutorService pool = Executors.newFixedThreadPool(settings.parallelism());
        ExecutorService chunkPool = Executors.newFixedThreadPool(settings.chunkParallelism());
        try {
            progress.update("comparison", 0, -1);
            ComparisonIndex index = comparison.read(counts, settings.maxPages());
            Set<UUID> seen = new HashSet<>();
            boolean allRead = index.complete();
            for (String kind : KINDS) {
                Optional<Instant> since = full ? Optional.empty() : watermarks.get(source, kind);
                KindRun run = syncKind(kind, since, index, pool, chunkPool, counts, progress);
                seen.addAll(run.seen);
                allRead &= run.allRead;
                Optional<Instant> next = run.nextWatermark(since);
                if (run.allRead && next.isPresent()) {
                    watermarks.set(source, kind, next.get(), clock.instant());
                }
            }
            applyComparisonOnly(index, pool, counts, seen);
            if (index.complete()) {
                sweep("comparison", seen, pool, counts);
            }
            if (full && allRead) {
                sweep("ptv", seen, pool, counts);
            }
            return counts;
        } finally {
            pool.shutdownNow();
            chunkPool.shutdownNow();
        }
    }

    /** What one kind's run has read; chunks report to it from several threads. */
    private static final class KindRun {
        final Set<UUID> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        volatile boolean allRead = true;
        Instant maxModified;
        Instant minFailed;

        synchronized void read(PtvItems.Batch batch, List<SyncApplier.Result> results) {
            seen.addAll(batch.seen());
            maxModified = max(maxModified, batch.maxModified());
            minFailed = min(minFailed, batch.minFailedModified());
            for (SyncApplier.Result result : results) {
                if (result.outcome() == SyncApplier.Outcome.FAILED && !result.unit().upserts().isEmpty()) {
                    minFailed = min(minFailed, result.unit().upserts().get(0).modified());
                }
            }
        }

        void failedRead() {
            allRead = false;
        }

        /** Up to the newest item read, but not past an item that failed: it must be read again. */
        synchronized Optional<Instant> nextWatermark(Optional<Instant> previous) {
            Instant next = minFailed != null && (maxModified == null || minFailed.isBefore(maxModified)) ? minFailed : maxModified;
            if (next == null || previous.filter(p -> !next.isAfter(p)).isPresent()) {
                return Optional.empty();
            }
            return Optional.of(next);
        }
    }

    private void syncChunk(String kind, List<String> chunk, ComparisonIndex index, ExecutorService pool,
            SyncCounts counts, KindRun run) {
        try {
            List<PtvItem> fetched = ptv.list(kind, chunk);
            counts.fetched.addAndGet(fetched.size());
            PtvItems.Batch batch = items.toUnits(kind, fetched, index);
            counts.failed.addAndGet(batch.failed());
            run.read(batch, applier.apply(batch.units(), pool, counts));
        } catch (RuntimeException e) {
            run.failedRead();
            recordFetchFailure(kind, "list", chunk, e, counts);
        }
    }

    private KindRun syncKind(String kind, Optional<Instant> since, ComparisonIndex index, ExecutorService pool,
            ExecutorService chunkPool, SyncCounts counts, JobProgress progress) {
        KindRun run = new KindRun();
        Set<String> guids = new LinkedHashSet<>();
        try {
            guids.addAll(ptv.guids(kind, since, null, settings.maxPages()));
        } catch (RuntimeException e) {
            run.allRead = false;
            recordFetchFailure(kind, "pages", List.of(), e, counts);
        }
        guids.addAll(linkedGuids(kind, index));
        List<String> all = List.copyOf(guids);
        // Chunks overlap: while one waits on PTV, another on PostgreSQL and a third on the marketplace.
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        List<java.util.concurrent.CompletableFuture<Void>> chunks = new ArrayList<>();
        for (List<String> chunk : Chunks.of(all, PtvSource.LIST_LIMIT)) {
            chunks.add(java.util.concurrent.CompletableFuture.runAsync(() -> {
                syncChunk(kind, chunk, index, pool, counts, run);
                progress.update(kind, done.addAndGet(chunk.size()), all.size());
            }, chunkPool));
        }
        chunks.forEach(java.util.concurrent.CompletableFuture::join);
        progress.update(kind, all.size(), all.size());
        removals(kind, since, pool, counts, run);
        return run;
    }

    /** Items PTV has archived or withdrawn since the watermark, confirmed by reading them back. */
    private void removals(String kind, Optional<Instant> since, ExecutorService pool, SyncCounts counts, KindRun run) {
        for (String status : List.of("Archived", "Withdrawn")) {
            List<String> guids;
            try {
                guids = ptv.guids(kind, since, status, settings.maxPages());
            } catch (RuntimeException e) {
                run.allRead = false;
                recordFetchFailure(kind, status.toLowerCase(java.util.Locale.ROOT) + " pages", List.of(), e, counts);
                continue;
            }
            List<String> known = items.knownOf(kind, guids);
            for (List<String> chunk : Chunks.of(known, PtvSource.LIST_LIMIT)) {
                try {
                    List<PtvItem> fetched = ptv.list(kind, chunk);
                    applier.apply(items.removalUnits(kind, chunk, fetched), pool, counts);
                } catch (RuntimeException e) {
                    run.allRead = false;
                    recordFetchFailure(kind, status.toLowerCase(java.util.Locale.ROOT) + " list", chunk, e, counts);
                }
            }
        }
    }

    private List<String> linkedGuids(String kind, ComparisonIndex index) {
        return switch (kind) {
            case "Service" -> index.ptvServiceIds().stream().map(UUID::toString).toList();
            case "Organization" -> copy.organizationsByBusinessId("ptv", index.businessIds()).values().stream()
                    .map(UUID::toString).toList();
            default -> List.of();
        };
    }

    private void applyComparisonOnly(ComparisonIndex index, ExecutorService pool, SyncCounts counts, Set<UUID> seen) {
        List<SyncUnit> units = items.comparisonUnits(index);
        units.forEach(u -> u.upserts().forEach(i -> seen.add(i.id())));
        applier.apply(units, pool, counts);
    }

    /** Removes what a source no longer lists: after every full comparison read, and after a full PTV run. */
    private void sweep(String system, Set<UUID> seen, ExecutorService pool, SyncCounts counts) {
        List<SyncUnit> units = new ArrayList<>();
        for (HsdsType type : List.of(HsdsType.SERVICE, HsdsType.LOCATION, HsdsType.ORGANIZATION)) {
            for (UUID id : copy.idsFromSource(type, system)) {
                if (!seen.contains(id)) {
                    units.add(SyncUnit.remove(null, items.removalsOf(type, id)));
                }
            }
        }
        if (!units.isEmpty()) {
            log.info("removing {} {} items no longer listed by the source", units.size(), system);
            applier.apply(units, pool, counts);
        }
    }

    private void recordFetchFailure(String kind, String what, List<String> guids, RuntimeException e, SyncCounts counts) {
        counts.failed.addAndGet(Math.max(1, guids.size()));
        String reason = "PTV " + kind + " " + what + ": " + reason(e);
        log.warn(reason);
        byte[] body;
        try {
            body = json.writeValueAsBytes(Map.of("kind", kind, "guids", guids));
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        UUID id = messages.receive(new InboundMessage(FLOW, "ptv:" + kind + ":" + what.replace(' ', '-'), null,
                Map.of("kind", kind), "application/json", body));
        messages.failed(id, reason);
    }

    private static Instant min(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    /** A reason safe for the error store: the innermost message, without the exchange dump Camel adds. */
    static String reason(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof CamelExecutionException || cause.getMessage() == null) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
