package fi.avain.mappings.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The portal's context writes its ChargeItems and their search Bundles itself: every byte must be what HAPI's own
 * parser writes for the same resource, and anything it does not write must be left to HAPI.
 */
class PortalFhirContextTest {
    private static final FhirContext HAPI = FhirContext.forR4Cached();
    private static final PortalFhirContext PORTAL = new PortalFhirContext();
    private static final String BASE = "http://localhost:8080/fhir";
    /** Markup, quotes, escapes, controls, Finnish letters, a no-break space and a character beyond 16 bits. */
    private static final String AWKWARD = "&<>\"'\\/\t\n\r\u0001 äöåÄÖÅ\u00a0€–\uD83D\uDE00 x ";

    static Stream<Path> goldenCharges() {
        return FhirGolden.inputs().filter(p -> p.getParent().getFileName().toString().equals("charge-item"));
    }

    @ParameterizedTest
    @MethodSource("goldenCharges")
    void writesEveryGoldenChargeItemAsHapiDoes(Path input) {
        ChargeItem item = (ChargeItem) FhirGolden.build(input);
        assertThat(ChargeItemJson.source(item)).isPresent();
        assertThat(PORTAL.newJsonParser().encodeResourceToString(item))
                .isEqualTo(HAPI.newJsonParser().encodeResourceToString(item));
    }

    @Test
    void writesAnyChargeAsHapiDoes() throws IOException {
        Random random = new Random(20261124);
        for (int i = 0; i < 3000; i++) {
            PortalCharge charge = charge(random);
            ChargeItem item = FhirResources.chargeItem(charge);
            assertThat(ChargeItemJson.source(item)).as("charge %s", charge).contains(charge);
            StringWriter direct = new StringWriter();
            try (var json = new com.fasterxml.jackson.core.JsonFactory().createGenerator(direct)) {
                ChargeItemJson.write(json, charge);
            }
            assertThat(direct.toString()).as("charge %s", charge).isEqualTo(HAPI.newJsonParser()
                    .encodeResourceToString(item));
        }
    }

    @Test
    void writesASearchBundleOfChargesAsHapiDoes() throws IOException {
        Bundle bundle = searchBundle(new Random(7), 500);
        String expected = HAPI.newJsonParser().encodeResourceToString(bundle);
        assertThat(PORTAL.newJsonParser().encodeResourceToString(bundle)).isEqualTo(expected);
        StringWriter writer = new StringWriter();
        IParser parser = PORTAL.newJsonParser().setPrettyPrint(false).setServerBaseUrl(BASE);
        parser.encodeResourceToWriter(bundle, writer);
        assertThat(writer.toString()).isEqualTo(expected);
        assertThat(PORTAL.newJsonParser().encodeResourceToString(new Bundle().setType(Bundle.BundleType.SEARCHSET)))
                .isEqualTo(HAPI.newJsonParser().encodeResourceToString(new Bundle()
                        .setType(Bundle.BundleType.SEARCHSET)));
    }

    @Test
    void everyChargeOfABundleIsWrittenFromItsCharge() {
        Bundle bundle = searchBundle(new Random(11), 200);
        assertThat(bundle.getEntry()).allSatisfy(e -> assertThat(ChargeItemJson.source(e.getResource())).isPresent());
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                change("status", item -> item.setStatus(ChargeItem.ChargeItemStatus.ENTEREDINERROR)),
                change("subject", item -> item.getSubject().setReference("Patient/someone-else")),
                change("subject resource", item -> item.getSubject().setResource(new Patient().setActive(true))),
                change("price", item -> item.getPriceOverride().setValue(new java.math.BigDecimal("1.00"))),
                change("narrative", item -> item.getText().getDiv().addText(" (edited)")),
                change("identifier", item -> item.getIdentifierFirstRep().setValue("other")),
                change("code", item -> item.getCode().addCoding().setSystem("urn:x").setCode("y")),
                change("account", item -> item.addAccount().setReference("Account/other")),
                change("quantity", item -> item.getQuantity().setValue(2)),
                change("note", item -> item.addNote().setText("a note")),
                change("occurrence", item -> item.setOccurrence(new org.hl7.fhir.r4.model.Period())),
                change("version", item -> item.setId(item.getIdElement().withVersion("2"))),
                change("tag", item -> item.getMeta().addTag("https://example.org/tags", "seen", null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void aChargeItemChangedAfterItWasBuiltIsLeftToHapi(String what, Consumer<ChargeItem> change) {
        Bundle bundle = searchBundle(new Random(13), 3);
        ChargeItem item = (ChargeItem) bundle.getEntry().get(1).getResource();
        change.accept(item);
        assertThat(ChargeItemJson.source(item)).isEmpty();
        assertThat(PORTAL.newJsonParser().encodeResourceToString(item))
                .isEqualTo(HAPI.newJsonParser().encodeResourceToString(item));
        assertThat(PORTAL.newJsonParser().encodeResourceToString(bundle))
                .isEqualTo(HAPI.newJsonParser().encodeResourceToString(bundle));
    }

    private static Arguments change(String what, Consumer<ChargeItem> change) {
        return Arguments.of(what, change);
    }

    @Test
    void leavesOtherShapesToHapi() {
        Bundle bundle = searchBundle(new Random(3), 3);
        ChargeItem item = (ChargeItem) bundle.getEntryFirstRep().getResource();
        assertThat(PORTAL.newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle))
                .isEqualTo(HAPI.newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle));
        assertThat(PORTAL.newJsonParser().setSummaryMode(true).encodeResourceToString(item))
                .isEqualTo(HAPI.newJsonParser().setSummaryMode(true).encodeResourceToString(item));
        assertThat(PORTAL.newJsonParser().setEncodeElements(Set.of("ChargeItem.status")).encodeResourceToString(item))
                .isEqualTo(HAPI.newJsonParser().setEncodeElements(Set.of("ChargeItem.status"))
                        .encodeResourceToString(item));
        assertThat(PORTAL.newJsonParser().setSuppressNarratives(true).encodeResourceToString(bundle))
                .isEqualTo(HAPI.newJsonParser().setSuppressNarratives(true).encodeResourceToString(bundle));
    }

    @Test
    void leavesAChangedChargeItemAndAMixedBundleToHapi() {
        Bundle bundle = searchBundle(new Random(5), 3);
        ChargeItem changed = (ChargeItem) bundle.getEntry().get(1).getResource();
        changed.getMeta().addTag("https://example.org/tags", "seen", null);
        assertThat(ChargeItemJson.source(changed)).isEmpty();
        String hapi = HAPI.newJsonParser().encodeResourceToString(bundle);
        assertThat(hapi).contains("\"seen\"");
        assertThat(PORTAL.newJsonParser().encodeResourceToString(bundle)).isEqualTo(hapi);

        Bundle mixed = searchBundle(new Random(6), 2);
        mixed.addEntry().setFullUrl(BASE + "/Patient/p").setResource(new Patient().setActive(true).setId("p"));
        assertThat(PORTAL.newJsonParser().encodeResourceToString(mixed))
                .isEqualTo(HAPI.newJsonParser().encodeResourceToString(mixed));
    }

    @Test
    void aSearchFindsNoResourcesToIncludeInTheChargesReferences() {
        ChargeItem item = FhirResources.chargeItem(charge(new Random(1)));
        assertThat(PORTAL.newTerser().getAllResourceReferences(item)).isEmpty();
        assertThat(HAPI.newTerser().getAllResourceReferences(item)).isNotEmpty()
                .allSatisfy(reference -> assertThat(reference.getResourceReference().getResource()).isNull());
        Patient patient = new Patient();
        patient.getGeneralPractitionerFirstRep().setReference("Organization/x");
        assertThat(PORTAL.newTerser().getAllResourceReferences(patient)).hasSize(1);
    }

    @Test
    void readsAsHapiDoes() {
        String json = HAPI.newJsonParser().encodeResourceToString(searchBundle(new Random(9), 4));
        Bundle parsed = PORTAL.newJsonParser().parseResource(Bundle.class, json);
        assertThat(parsed.getEntry()).hasSize(4);
        assertThat(HAPI.newJsonParser().encodeResourceToString(parsed)).isEqualTo(json);
    }

    /** A Bundle as HAPI's server builds one for a search: id, when, total, links, full URLs, search mode. */
    private static Bundle searchBundle(Random random, int size) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(size * 3);
        bundle.setId(UUID.randomUUID().toString());
        bundle.getMeta().setLastUpdatedElement(new InstantType("2026-11-24T09:15:02.447+00:00"));
        bundle.addLink().setRelation("self").setUrl(BASE + "/ChargeItem?account=Account%2Fa&_count=" + size);
        bundle.addLink().setRelation("next").setUrl(BASE + "?_getpages=abc&_getpagesoffset=" + size
                + "&_count=" + size + "&_bundletype=searchset");
        for (int i = 0; i < size; i++) {
            ChargeItem item = FhirResources.chargeItem(charge(random));
            bundle.addEntry().setFullUrl(BASE + "/ChargeItem/" + item.getIdPart()).setResource(item)
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }

    private static PortalCharge charge(Random random) {
        String channel = PortalCharge.CHANNELS.get(random.nextInt(PortalCharge.CHANNELS.size()));
        ChargeStatus status = ChargeStatus.values()[random.nextInt(ChargeStatus.values().length)];
        Instant occurred = Instant.parse("2025-11-24T00:00:00Z").plusMillis(random.nextLong(365L * 86_400_000L))
                .plusNanos(random.nextBoolean() ? random.nextInt(1_000_000) : 0);
        if (random.nextInt(4) == 0) {
            occurred = occurred.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        }
        boolean provider = random.nextInt(5) > 0;
        String[] classes = {null, "http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P27.1",
                "http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P10"};
        return new PortalCharge(new UUID(random.nextLong(), random.nextLong()),
                new UUID(random.nextLong(), random.nextLong()), new UUID(random.nextLong(), random.nextLong()),
                new UUID(random.nextLong(), random.nextLong()), channel, text(random, "src-"), status,
                random.nextInt(3) == 0 ? 0 : random.nextLong(10_000_000L),
                random.nextInt(10) == 0 ? -random.nextLong(100_000L) : random.nextLong(10_000_000L),
                occurred, occurred.plusSeconds(random.nextInt(400_000)),
                provider ? "2345678-0" : null,
                provider && random.nextInt(4) > 0 ? (random.nextInt(8) == 0 ? " " : text(random, "Palvelu ")) : null,
                random.nextBoolean() ? String.format("%04d", random.nextInt(10_000)) : null,
                classes[random.nextInt(classes.length)]);
    }

    private static String text(Random random, String prefix) {
        StringBuilder text = new StringBuilder(prefix);
        int length = 1 + random.nextInt(12);
        List<Integer> pool = new ArrayList<>();
        AWKWARD.codePoints().forEach(pool::add);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(random.nextInt(3) == 0 ? pool.get(random.nextInt(pool.size()))
                    : 'a' + random.nextInt(26));
        }
        return text.toString().strip().isEmpty() ? prefix + "x" : text.toString();
    }
}
