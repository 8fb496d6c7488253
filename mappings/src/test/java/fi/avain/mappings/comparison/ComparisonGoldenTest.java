package fi.avain.mappings.comparison;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.mappings.GoldenFiles;
import fi.avain.mappings.hsds.HsdsMapper;
import fi.avain.mappings.model.Provider;
import fi.avain.mappings.model.ServiceOffering;
import fi.avain.mappings.ptv.PtvMapper;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Comparison catalogue JSON in, HSDS out: {"organization": ..., "services": [...]}. The hsds-merged
 * cases feed a PTV service and organisation and a comparison provider describing them.
 */
class ComparisonGoldenTest {
    private final ComparisonMapper comparison = new ComparisonMapper();
    private final PtvMapper ptv = new PtvMapper();
    private final HsdsMapper hsds = new HsdsMapper();

    static Stream<Path> providers() {
        return GoldenFiles.inputs("comparison-provider");
    }

    static Stream<Path> merged() {
        return GoldenFiles.inputs("hsds-merged");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void mapsAProviderAndItsServicesToHsds(Path input) {
        GoldenFiles.check(input, json -> {
            ComparisonEntry entry = comparison.provider(json);
            return output(hsds.organization(entry.provider()),
                    entry.services().stream().map(s -> hsds.service(s.offering())));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("merged")
    void enrichesPtvItemsWithTheComparisonCatalogue(Path input) {
        GoldenFiles.check(input, json -> {
            ServiceOffering service = ptv.service(json.get("ptvService"));
            Provider organization = ptv.organization(json.get("ptvOrganization"));
            ComparisonEntry entry = comparison.provider(json.get("comparisonProvider"));
            return output(hsds.organization(CatalogueMerger.merge(organization, entry.provider())),
                    entry.services().stream()
                            .filter(s -> s.ptvServiceId().filter(service.id()::equals).isPresent())
                            .map(s -> hsds.service(CatalogueMerger.merge(service, s))));
        });
    }

    private static JsonNode output(ObjectNode organization, Stream<ObjectNode> services) {
        ObjectNode out = GoldenFiles.JSON.createObjectNode();
        out.set("organization", organization);
        ArrayNode array = out.putArray("services");
        services.forEach(array::add);
        return out;
    }
}
