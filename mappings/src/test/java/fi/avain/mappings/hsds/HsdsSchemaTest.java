package fi.avain.mappings.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.mappings.GoldenFiles;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every HSDS object the golden cases expect is valid HSDS 3.0 (and the golden tests prove we produce it). */
class HsdsSchemaTest {

    static Stream<Arguments> goldenObjects() {
        return Stream.of(
                GoldenFiles.expected("ptv-service").map(file -> Arguments.of("service", file, "")),
                GoldenFiles.expected("ptv-channel").map(file -> Arguments.of("location", file, "")),
                GoldenFiles.expected("ptv-organization").map(file -> Arguments.of("organization", file, "")),
                GoldenFiles.expected("comparison-provider").flatMap(HsdsSchemaTest::comparisonObjects),
                GoldenFiles.expected("hsds-merged").flatMap(HsdsSchemaTest::comparisonObjects))
                .flatMap(s -> s);
    }

    private static Stream<Arguments> comparisonObjects(Path file) {
        JsonNode expected = GoldenFiles.read(file);
        Stream<Arguments> organization = Stream.of(Arguments.of("organization", file, "/organization"));
        Stream<Arguments> services = Stream.iterate(0, i -> i < expected.path("services").size(), i -> i + 1)
                .map(i -> Arguments.of("service", file, "/services/" + i));
        return Stream.concat(organization, services);
    }

    @ParameterizedTest(name = "{0} {1}{2}")
    @MethodSource("goldenObjects")
    void producesValidHsds(String type, Path file, String pointer) {
        JsonNode object = GoldenFiles.read(file).at(pointer);

        assertThat(HsdsSchemas.errors(type, object)).isEmpty();
        assertThat(object.toString()).as("absent values are left out, not null").doesNotContain(":null");
    }

    @Test
    void producesAValidServiceAtLocation() {
        UUID service = UUID.fromString("3668d250-cd80-45c4-abcc-9b2d3a2b3e42");
        UUID location = UUID.fromString("961f1a02-0eb7-4b5d-9721-6b9f2d14ec6f");

        ObjectNode serviceAtLocation = new HsdsMapper().serviceAtLocation(service, location);

        assertThat(HsdsSchemas.errors("service_at_location", serviceAtLocation)).isEmpty();
        assertThat(serviceAtLocation.get("id").asText())
                .isEqualTo(HsdsMapper.serviceAtLocationId(service, location).toString())
                .isNotEqualTo(HsdsMapper.serviceAtLocationId(location, service).toString());
    }

    @Test
    void reportsWhatMakesAnObjectInvalid() {
        ObjectNode service = GoldenFiles.JSON.createObjectNode().put("id", "not-a-uuid").put("status", "open");

        assertThat(HsdsSchemas.errors("service", service))
                .anySatisfy(error -> assertThat(error).contains("name"))
                .anySatisfy(error -> assertThat(error).contains("status"))
                .anySatisfy(error -> assertThat(error).contains("uuid"));
    }
}
