package fi.avain.connectors.ptv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A mutable in-memory PTV catalogue per item kind. Items are kept as JSON bytes (or, for generated
 * ones, rendered on demand), indexed by id and by (modified, id), the order GUID pages are served in.
 */
public final class PtvCatalogue {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::modified).thenComparing(Entry::id);

    /** One item: bytes when put by hand (raw ones are served verbatim), else a generated index. */
    record Entry(String id, String name, Instant modified, String status, byte[] json, boolean raw, int generated) {
        Entry with(Instant newModified, String newStatus) {
            return new Entry(id, name, newModified, newStatus, json, raw, generated);
        }
    }

    /** One page of ids in the catalogue's order. */
    record Page(int pageNumber, int pageSize, int pageCount, List<Entry> items) {}

    private final Map<PtvKind, Map<String, Entry>> byId = new EnumMap<>(PtvKind.class);
    private final Map<PtvKind, NavigableSet<Entry>> ordered = new EnumMap<>(PtvKind.class);
    private final PtvGenerator generator;
    private final Clock clock;
    /** The matches of the last page query, so that paging through them reads the index once, not once a page. */
    private Query lastQuery;
    private List<Entry> lastMatches;
    private long version;

    private record Query(PtvKind kind, Instant from, Instant before, String status, long version) {
    }

    private PtvCatalogue(PtvGenerator generator, Clock clock) {
        this.generator = generator;
        this.clock = clock;
        for (PtvKind kind : PtvKind.values()) {
            byId.put(kind, new HashMap<>());
            ordered.put(kind, new TreeSet<>(ORDER));
        }
    }

    public static PtvCatalogue empty() {
        return new PtvCatalogue(null, Clock.systemUTC());
    }

    /**
     * A deterministic catalogue of {@code services} services, about one organisation per ten
     * services and one or two channels per service, modified within a year before {@code baseTime}.
     */
    public static PtvCatalogue generate(int services, long seed, Instant baseTime) {
        PtvGenerator generator = new PtvGenerator(services, seed, baseTime);
        PtvCatalogue catalogue = new PtvCatalogue(generator, Clock.fixed(baseTime, java.time.ZoneOffset.UTC));
        for (PtvKind kind : PtvKind.values()) {
            for (int i = 0; i < generator.count(kind); i++) {
                catalogue.add(kind, new Entry(generator.id(kind, i), generator.name(kind, i),
                        generator.modified(kind, i), generator.status(kind, i), null, false, i));
            }
        }
        return catalogue;
    }

    /**
     * Renders every generated item now and keeps its bytes, so serving it renders nothing. For a
     * benchmark, where this fake shares the machine's cores with what is measured; it holds every
     * item's JSON in memory (about 30 kB a service with its channels and organisation).
     */
    public synchronized void renderAhead() {
        for (PtvKind kind : PtvKind.values()) {
            for (Entry entry : List.copyOf(byId.get(kind).values())) {
                if (entry.json() == null) {
                    add(kind, new Entry(entry.id(), entry.name(), entry.modified(), entry.status(),
                            render(kind, entry), false, entry.generated()));
                }
            }
        }
    }

    /** Adds or replaces an item; its id, name, modified and publishingStatus are read from it. */
    public synchronized void put(PtvKind kind, ObjectNode item) {
        String id = item.path("id").asText();
        if (id.isEmpty()) {
            throw new IllegalArgumentException("a PTV item needs an id");
        }
        Instant modified = PtvTime.parseModified(item.path("modified").asText()).orElseGet(clock::instant);
        String status = item.path("publishingStatus").asText("Published");
        add(kind, new Entry(id, nameOf(item), modified, status, bytes(item), false, -1));
    }

    /** Adds an item served verbatim, malformed or not, listed as Published and modified now. */
    public synchronized void putRaw(PtvKind kind, String id, String rawJson) {
        add(kind, new Entry(id, "", clock.instant(), "Published", rawJson.getBytes(StandardCharsets.UTF_8), true, -1));
    }

    public synchronized void touch(PtvKind kind, String id, Instant modified) {
        change(kind, id, modified, null);
    }

    public synchronized void archive(PtvKind kind, String id, Instant modified) {
        change(kind, id, modified, "Archived");
    }

    public synchronized void withdraw(PtvKind kind, String id, Instant modified) {
        change(kind, id, modified, "Withdrawn");
    }

    public synchronized boolean remove(PtvKind kind, String id) {
        Entry old = byId.get(kind).remove(id);
        if (old != null) {
            version++;
            ordered.get(kind).remove(old);
        }
        return old != null;
    }

    /** Ids in the order GUID pages list them: by modified, then id. */
    public synchronized List<String> ids(PtvKind kind) {
        return ordered.get(kind).stream().map(Entry::id).toList();
    }

    public synchronized int size(PtvKind kind) {
        return byId.get(kind).size();
    }

    /** The item's JSON as served. */
    public Optional<byte[]> json(PtvKind kind, String id) {
        Entry entry;
        synchronized (this) {
            entry = byId.get(kind).get(id);
        }
        return Optional.ofNullable(entry).map(found -> render(kind, found));
    }

    /** The item's JSON as {@code /list} serves it: only while it is published, as PTV does. */
    public Optional<byte[]> publishedJson(PtvKind kind, String id) {
        Entry entry;
        synchronized (this) {
            entry = byId.get(kind).get(id);
        }
        return Optional.ofNullable(entry).filter(found -> found.status().equals("Published"))
                .map(found -> render(kind, found));
    }

    /** The item parsed, for tests and for generating a consistent comparison catalogue. */
    public Optional<JsonNode> item(PtvKind kind, String id) {
        return json(kind, id).map(bytes -> {
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("item " + id + " is not JSON", e);
            }
        });
    }

    /** Items of {@code status} modified in [from, before), {@code pageSize} a page, pages from 1. */
    synchronized Page page(PtvKind kind, Instant from, Instant before, String status, int page, int pageSize) {
        Query query = new Query(kind, from, before, status, version);
        if (!query.equals(lastQuery)) {
            lastMatches = matches(kind, from, before, status);
            lastQuery = query;
        }
        int total = lastMatches.size();
        long skip = (long) (page - 1) * pageSize;
        List<Entry> items = skip >= total ? List.of()
                : List.copyOf(lastMatches.subList((int) skip, (int) Math.min(total, skip + pageSize)));
        return new Page(page, pageSize, (total + pageSize - 1) / pageSize, items);
    }

    private List<Entry> matches(PtvKind kind, Instant from, Instant before, String status) {
        NavigableSet<Entry> range = ordered.get(kind);
        if (from != null) {
            range = range.tailSet(new Entry("", "", from, "", null, false, -1), true);
        }
        List<Entry> matches = new ArrayList<>();
        for (Entry entry : range) {
            if (before != null && !entry.modified().isBefore(before)) {
                break;
            }
            if (entry.status().equals(status)) {
                matches.add(entry);
            }
        }
        return matches;
    }

    byte[] render(PtvKind kind, Entry entry) {
        if (entry.json() != null) {
            return entry.json();
        }
        ObjectNode item = generator.render(kind, entry.generated());
        item.put("modified", PtvTime.modified(entry.modified()));
        item.put("publishingStatus", entry.status());
        return bytes(item);
    }

    private void change(PtvKind kind, String id, Instant modified, String status) {
        Entry old = byId.get(kind).get(id);
        if (old == null) {
            throw new NoSuchElementException("no " + kind + " " + id);
        }
        Entry changed = old.with(modified, status == null ? old.status() : status);
        if (old.json() != null && !old.raw()) {
            ObjectNode item = (ObjectNode) parse(old.json());
            item.put("modified", PtvTime.modified(modified));
            item.put("publishingStatus", changed.status());
            changed = new Entry(id, old.name(), modified, changed.status(), bytes(item), false, -1);
        }
        add(kind, changed);
    }

    private void add(PtvKind kind, Entry entry) {
        version++;
        Entry old = byId.get(kind).put(entry.id(), entry);
        if (old != null) {
            ordered.get(kind).remove(old);
        }
        ordered.get(kind).add(entry);
    }

    private static String nameOf(JsonNode item) {
        for (String field : List.of("serviceNames", "serviceChannelNames", "organizationNames")) {
            JsonNode names = item.path(field);
            for (JsonNode name : names) {
                if (name.path("language").asText().equals("fi")) {
                    return name.path("value").asText("");
                }
            }
            if (names.size() > 0) {
                return names.get(0).path("value").asText("");
            }
        }
        return "";
    }

    private static byte[] bytes(JsonNode item) {
        try {
            return JSON.writeValueAsBytes(item);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a PTV item", e);
        }
    }

    private static JsonNode parse(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
