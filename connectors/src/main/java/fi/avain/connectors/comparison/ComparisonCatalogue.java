package fi.avain.connectors.comparison;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.connectors.ptv.PtvCatalogue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;

/** A mutable in-memory comparison catalogue: providers as JSON bytes, ordered by business id. */
public final class ComparisonCatalogue {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TreeMap<String, byte[]> providers = new TreeMap<>();

    public static ComparisonCatalogue empty() {
        return new ComparisonCatalogue();
    }

    /**
     * A deterministic catalogue consistent with {@code ptv}: every third PTV organisation is also a
     * provider here (same business id), some of their services describe a PTV service, and
     * companies and associations found only here.
     */
    public static ComparisonCatalogue generate(PtvCatalogue ptv, long seed) {
        ComparisonCatalogue catalogue = new ComparisonCatalogue();
        new ComparisonGenerator(ptv, seed).providers().forEach(catalogue::put);
        return catalogue;
    }

    /** Adds or replaces a provider, keyed by its {@code businessId}. */
    public synchronized void put(ObjectNode provider) {
        String businessId = provider.path("businessId").asText();
        if (businessId.isEmpty()) {
            throw new IllegalArgumentException("a provider needs a businessId");
        }
        providers.put(businessId, bytes(provider));
    }

    /** Adds a provider served verbatim, malformed or not. */
    public synchronized void putRaw(String key, String rawJson) {
        providers.put(key, rawJson.getBytes(StandardCharsets.UTF_8));
    }

    public synchronized boolean remove(String businessId) {
        return providers.remove(businessId) != null;
    }

    /** Sets the provider's {@code updatedAt}. */
    public synchronized void touch(String businessId, Instant updatedAt) {
        ObjectNode provider = (ObjectNode) provider(businessId)
                .orElseThrow(() -> new NoSuchElementException("no provider " + businessId));
        provider.put("updatedAt", updatedAt.toString());
        put(provider);
    }

    public synchronized List<String> businessIds() {
        return List.copyOf(providers.keySet());
    }

    public synchronized int size() {
        return providers.size();
    }

    public synchronized Optional<JsonNode> provider(String businessId) {
        return Optional.ofNullable(providers.get(businessId)).map(ComparisonCatalogue::parse);
    }

    /** The JSON of providers [from, from + count) in business id order. */
    synchronized List<byte[]> slice(long from, int count) {
        List<byte[]> slice = new ArrayList<>(Math.min(count, 512));
        long index = 0;
        for (byte[] provider : providers.values()) {
            if (index >= from && slice.size() < count) {
                slice.add(provider);
            }
            index++;
        }
        return slice;
    }

    static JsonNode parse(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("a provider is not JSON", e);
        }
    }

    private static byte[] bytes(JsonNode provider) {
        try {
            return JSON.writeValueAsBytes(provider);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a provider", e);
        }
    }
}
