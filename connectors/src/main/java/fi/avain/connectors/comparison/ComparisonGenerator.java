package fi.avain.connectors.comparison;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.connectors.ptv.PtvCatalogue;
import fi.avain.connectors.ptv.PtvKind;
import fi.avain.connectors.simulator.GeneratedValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Builds providers for {@link ComparisonCatalogue#generate}; the awkward cases come by index. */
final class ComparisonGenerator {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Instant UPDATED = Instant.parse("2026-10-01T12:00:00Z");
    private static final List<String> CLASSES = List.of("P4.1", "P4.2", "P4.3", "P4.6", "P3.1", "P3.2", "P3.5");
    private static final List<String> SERVICES = List.of("Kotihoito", "Henkilökohtainen apu", "Palveluasuminen",
            "Perhetyö", "Terveysneuvonta", "Mielenterveyskuntoutus", "Fysioterapia");
    private static final List<String> MUNICIPALITIES = List.of("091", "049", "092", "837", "853", "564", "179", "491",
            "297", "398", "167", "905", "698", "148", "890");
    private static final List<List<String>> FUNDING = List.of(List.of("voucher", "personal_budget"),
            List.of("self_paid"), List.of("voucher", "personal_budget", "self_paid"), List.of("personal_budget"));

    private final PtvCatalogue ptv;
    private final long seed;

    ComparisonGenerator(PtvCatalogue ptv, long seed) {
        this.ptv = ptv;
        this.seed = seed;
    }

    List<ObjectNode> providers() {
        Map<String, ObjectNode> byOrganization = new LinkedHashMap<>();
        List<String> organizations = ptv.ids(PtvKind.Organization);
        for (int o = 0; o < organizations.size(); o += 3) {
            ptv.item(PtvKind.Organization, organizations.get(o))
                    .ifPresent(org -> byOrganization.put(org.path("id").asText(), fromOrganization(org)));
        }
        attachPtvServices(byOrganization);
        List<ObjectNode> providers = new ArrayList<>(byOrganization.values());
        int extra = Math.max(3, organizations.size() / 2);
        for (int i = 0; i < extra; i++) {
            providers.add(ownProvider(i));
        }
        return providers;
    }

    private void attachPtvServices(Map<String, ObjectNode> byOrganization) {
        List<String> services = ptv.ids(PtvKind.Service);
        Map<String, Integer> attached = new HashMap<>();
        for (int s = 0; s < services.size(); s += 5) {
            JsonNode service = ptv.item(PtvKind.Service, services.get(s)).orElse(null);
            String organization = service == null ? "" : service.path("organizations").path(0)
                    .path("organization").path("id").asText();
            ObjectNode provider = byOrganization.get(organization);
            if (provider != null && attached.merge(organization, 1, Integer::sum) <= 3) {
                ObjectNode row = service(random(1, s), "cmp-ptv-" + s);
                row.put("ptvServiceId", service.path("id").asText());
                ((ArrayNode) provider.get("services")).add(row);
            }
        }
    }

    private ObjectNode fromOrganization(JsonNode organization) {
        ObjectNode provider = NODES.objectNode();
        provider.put("businessId", organization.path("businessCode").asText());
        provider.putObject("name").put("fi", organization.path("organizationNames").path(0).path("value").asText());
        provider.put("providerType", switch (organization.path("organizationType").asText()) {
            case "Company" -> "company";
            case "Organization" -> "ngo";
            default -> "public";
        });
        provider.put("municipality", organization.path("municipality").path("code").asText());
        decorate(provider, random(2, organization.path("businessCode").asText().hashCode()));
        provider.putArray("services");
        return provider;
    }

    private ObjectNode ownProvider(int i) {
        SplittableRandom random = random(3, i);
        boolean company = i % 2 == 0;
        ObjectNode provider = NODES.objectNode();
        provider.put("businessId", GeneratedValues.businessId(random.nextInt(10_000_000)));
        ObjectNode name = provider.putObject("name");
        if (i % 7 == 3) {
            name.put("sv", "Omsorg Solsidan " + (i + 1) + " Ab");
        } else if (i % 11 == 5) {
            name.put("fi", "Hoiva \"Koti\"; " + (i + 1) + " Oy");
        } else {
            name.put("fi", company ? "Hoivapalvelu " + (i + 1) + " Oy" : "Tukiyhdistys " + (i + 1) + " ry");
        }
        provider.putObject("description").put("fi", "Palveluja kotiin ja lähelle.");
        provider.put("providerType", company ? "company" : "ngo");
        provider.put("municipality", MUNICIPALITIES.get(i % MUNICIPALITIES.size()));
        provider.put("email", "info" + (i + 1) + "@example.fi");
        provider.put("phone", "+35840" + (1_000_000 + i));
        provider.put("website", "https://example.fi/palvelu/" + (i + 1));
        decorate(provider, random);
        ArrayNode services = provider.putArray("services");
        for (int s = 0; s < i % 4; s++) {
            services.add(service(random, "cmp-" + String.format("%06d", i * 4 + s)));
        }
        return provider;
    }

    private ObjectNode service(SplittableRandom random, String id) {
        int kind = random.nextInt(CLASSES.size());
        ObjectNode service = NODES.objectNode().put("id", id);
        service.putObject("name").put("fi", SERVICES.get(kind));
        service.putObject("description").put("fi", SERVICES.get(kind) + " koulutetun henkilöstön toteuttamana.");
        service.putArray("serviceClasses").add(CLASSES.get(kind));
        ArrayNode municipalities = service.putArray("municipalities");
        municipalities.add(MUNICIPALITIES.get(random.nextInt(MUNICIPALITIES.size())));
        BigDecimal price = BigDecimal.valueOf(2000 + random.nextInt(10_000), 2);
        service.put("price", price.setScale(2, RoundingMode.UNNECESSARY).toPlainString());
        service.put("priceUnit", random.nextBoolean() ? "hour" : "visit");
        ArrayNode funding = service.putArray("fundingModes");
        FUNDING.get(random.nextInt(FUNDING.size())).forEach(funding::add);
        service.put("feedbackScore", score(random));
        service.set("qualityIndicators", indicators(random));
        service.put("updatedAt", updatedAt(random).toString());
        return service;
    }

    private void decorate(ObjectNode provider, SplittableRandom random) {
        provider.put("feedbackScore", score(random));
        provider.put("feedbackCount", 1 + random.nextInt(200));
        provider.set("qualityIndicators", indicators(random));
        provider.put("updatedAt", updatedAt(random).toString());
    }

    private static ArrayNode indicators(SplittableRandom random) {
        ArrayNode indicators = NODES.arrayNode();
        indicators.addObject().put("name", "asiakastyytyväisyys").put("value", score(random)).put("scale", "1-5")
                .put("date", "2026-09-30");
        indicators.addObject().put("name", "suositteluhalukkuus").put("value", 50 + random.nextInt(51))
                .put("scale", "0-100").put("date", "2026-09-30");
        return indicators;
    }

    private static BigDecimal score(SplittableRandom random) {
        return BigDecimal.valueOf(10 + random.nextInt(41), 1);
    }

    private static Instant updatedAt(SplittableRandom random) {
        return UPDATED.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 365))).truncatedTo(ChronoUnit.SECONDS);
    }

    private SplittableRandom random(int kind, long index) {
        return GeneratedValues.random(seed, 100 + kind, index);
    }
}
