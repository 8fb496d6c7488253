package fi.avain.routes.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.avain.connectors.ptv.PtvItem;
import fi.avain.mappings.MappingException;
import fi.avain.mappings.comparison.ComparisonMapper;
import fi.avain.mappings.model.InvalidValueException;
import fi.avain.routes.messages.MessageReplayer;
import fi.avain.routes.messages.ReplayOutcome;
import fi.avain.routes.messages.StoredMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Replays a catalogue-sync message: a stored PTV item is mapped and applied again from its stored
 * body; a failed list call is read again from PTV; a comparison provider is applied again. The
 * marketplace's PUT and DELETE by id make a repeat harmless.
 */
@Component
class CatalogueReplayer implements MessageReplayer {
    private final PtvItems items;
    private final PtvSource ptv;
    private final SyncApplier applier;
    private final ObjectMapper json;
    private final ComparisonMapper comparisonMapper = new ComparisonMapper();

    CatalogueReplayer(PtvItems items, PtvSource ptv, SyncApplier applier, ObjectMapper json) {
        this.items = items;
        this.ptv = ptv;
        this.applier = applier;
        this.json = json;
    }

    @Override
    public String flow() {
        return CatalogueSync.FLOW;
    }

    @Override
    public ReplayOutcome replay(StoredMessage message) {
        String[] parts = message.sourceId().split(":", 3);
        try {
            JsonNode body = json.readTree(message.body());
            if (parts[0].equals("ptv") && parts.length == 3 && body.has("guids")) {
                return refetch(parts[1], body);
            }
            if (parts[0].equals("ptv") && parts.length == 3) {
                Optional<SyncUnit> unit = items.unit(parts[1], body, null, new ComparisonIndex());
                return unit.isEmpty() ? ReplayOutcome.processed() : apply(List.of(unit.get()));
            }
            if (parts[0].equals("comparison") && body.has("export")) {
                return ReplayOutcome.failed("a line of the comparison CSV export is read again by the next catalogue-sync run");
            }
            if (parts[0].equals("comparison") && parts.length == 3 && parts[1].equals("provider")) {
                ComparisonIndex index = new ComparisonIndex();
                index.add(message.id(), comparisonMapper.provider(body));
                List<SyncUnit> units = items.comparisonUnits(index).stream()
                        .map(u -> new SyncUnit(null, u.upserts(), u.removals())).toList();
                return apply(units);
            }
            return ReplayOutcome.failed("this message is not replayable; the next catalogue-sync run reads its source again");
        } catch (MappingException | InvalidValueException e) {
            return ReplayOutcome.failed(e.getMessage());
        } catch (IOException e) {
            return ReplayOutcome.failed("stored body is not JSON");
        } catch (RuntimeException e) {
            return ReplayOutcome.failed(CatalogueSync.reason(e));
        }
    }

    private ReplayOutcome refetch(String kind, JsonNode body) {
        List<String> guids = new ArrayList<>();
        body.path("guids").forEach(g -> guids.add(g.asText()));
        if (guids.isEmpty()) {
            return ReplayOutcome.failed("a failed page read is retried by the next catalogue-sync run");
        }
        SyncCounts counts = new SyncCounts();
        List<SyncUnit> units = new ArrayList<>();
        for (List<String> chunk : Chunks.of(guids, PtvSource.LIST_LIMIT)) {
            List<PtvItem> fetched = ptv.list(kind, chunk);
            PtvItems.Batch batch = items.toUnits(kind, fetched, new ComparisonIndex());
            counts.failed.addAndGet(batch.failed());
            units.addAll(batch.units());
        }
        applier.apply(units, Runnable::run, counts);
        return counts.failed.get() == 0 ? ReplayOutcome.processed()
                : ReplayOutcome.failed(counts.failed.get() + " of the items failed again; see their own messages");
    }

    private ReplayOutcome apply(List<SyncUnit> units) {
        List<SyncApplier.Result> results = applier.apply(units, Runnable::run, new SyncCounts());
        for (SyncApplier.Result result : results) {
            if (result.outcome() == SyncApplier.Outcome.FAILED) {
                return ReplayOutcome.failed(result.reason());
            }
        }
        boolean unchanged = results.stream().allMatch(r -> r.outcome() == SyncApplier.Outcome.UNCHANGED);
        return unchanged ? ReplayOutcome.duplicate() : ReplayOutcome.processed();
    }
}
