package fi.avain.mappings.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fi.avain.mappings.GoldenFiles;
import fi.avain.mappings.model.Hetu;
import fi.avain.mappings.model.MunicipalityCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Golden cases of {@link FhirResources}: {@code golden/fhir/<mapper>/<case>.input.json} holds the
 * ledger's record as JSON (with {@code today}, and the budget's {@code line} or plan {@code versions},
 * where the mapper takes them); {@code <case>.expected.json} the resource as HAPI encodes it, pretty.
 * {@code -Dgolden.update=true} rewrites the expected files.
 */
final class FhirGolden {
    static final Path ROOT = Path.of("src/test/resources/golden/fhir");
    static final List<String> MAPPERS = List.of("patient", "budget-account", "line-account", "care-plan",
            "charge-item", "organization", "related-person", "audit-event");
    private static final ObjectMapper INPUTS = JsonMapper.builder().addModule(new JavaTimeModule())
            .addModule(new SimpleModule()
                    .addDeserializer(Hetu.class, from(Hetu::parse))
                    .addDeserializer(MunicipalityCode.class, from(MunicipalityCode::parse)))
            .build();

    private FhirGolden() {
    }

    /** Every input of every mapper. */
    static Stream<Path> inputs() {
        return MAPPERS.stream().flatMap(mapper -> GoldenFiles.inputs("fhir/" + mapper));
    }

    static String caseName(Path input) {
        return input.getParent().getFileName() + "/" + GoldenFiles.caseName(input);
    }

    /** The resource the input's mapper builds from it. */
    static IBaseResource build(Path input) {
        JsonNode node = GoldenFiles.read(input);
        return switch (input.getParent().getFileName().toString()) {
            case "patient" -> FhirResources.patient(as(node, PortalPatient.class));
            case "budget-account" -> FhirResources.budgetAccount(budget(node), today(node));
            case "line-account" -> {
                PortalBudget budget = budget(node);
                yield FhirResources.lineAccount(budget, budget.lines().get(node.get("line").asInt()), today(node));
            }
            case "care-plan" -> FhirResources.carePlan(budget(node),
                    List.of(as(node.get("versions"), PortalPlanVersion[].class)), today(node));
            case "charge-item" -> FhirResources.chargeItem(as(node, PortalCharge.class));
            case "organization" -> FhirResources.organization(as(node, PortalProvider.class));
            case "related-person" -> FhirResources.relatedPerson(as(node, PortalRepresentative.class));
            case "audit-event" -> FhirResources.auditEvent(as(node, AuditRecord.class));
            default -> throw new IllegalArgumentException("no mapper for " + input);
        };
    }

    static String encode(IBaseResource resource) {
        return FhirContext.forR4Cached().newJsonParser().setPrettyPrint(true).encodeResourceToString(resource);
    }

    static void check(Path input) {
        String actual = encode(build(input));
        Path expected = input.resolveSibling(GoldenFiles.caseName(input) + ".expected.json");
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.writeString(expected, actual + "\n", StandardCharsets.UTF_8);
            }
            assertThat(Files.exists(expected)).as("%s exists (-Dgolden.update=true creates it)", expected).isTrue();
            assertThat(actual).as("%s (-Dgolden.update=true rewrites it)", expected)
                    .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PortalBudget budget(JsonNode node) {
        return as(node.get("budget"), PortalBudget.class);
    }

    private static LocalDate today(JsonNode node) {
        return LocalDate.parse(node.get("today").asText());
    }

    private static <T> T as(JsonNode node, Class<T> type) {
        try {
            return INPUTS.treeToValue(node, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> JsonDeserializer<T> from(Function<String, T> parse) {
        return new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                return parse.apply(parser.getValueAsString());
            }
        };
    }
}
