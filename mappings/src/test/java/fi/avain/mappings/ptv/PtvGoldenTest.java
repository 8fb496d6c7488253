package fi.avain.mappings.ptv;

import fi.avain.mappings.GoldenFiles;
import fi.avain.mappings.hsds.HsdsMapper;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** PTV JSON in, the HSDS object the marketplace receives out: PtvMapper and HsdsMapper together. */
class PtvGoldenTest {
    private final PtvMapper ptv = new PtvMapper();
    private final HsdsMapper hsds = new HsdsMapper();

    static Stream<Path> services() {
        return GoldenFiles.inputs("ptv-service");
    }

    static Stream<Path> channels() {
        return GoldenFiles.inputs("ptv-channel");
    }

    static Stream<Path> organizations() {
        return GoldenFiles.inputs("ptv-organization");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void mapsAServiceToAnHsdsService(Path input) {
        GoldenFiles.check(input, json -> hsds.service(ptv.service(json)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("channels")
    void mapsAServiceLocationToAnHsdsLocation(Path input) {
        GoldenFiles.check(input, json -> hsds.location(ptv.channel(json)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("organizations")
    void mapsAnOrganizationToAnHsdsOrganization(Path input) {
        GoldenFiles.check(input, json -> hsds.organization(ptv.organization(json)));
    }
}
