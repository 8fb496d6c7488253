package fi.avain.mappings.fhir;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The ledger's records in, the portal's FHIR resources out, as HAPI encodes them. */
class FhirResourcesGoldenTest {

    static Stream<Path> cases() {
        return FhirGolden.inputs();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void buildsTheResource(Path input) {
        FhirGolden.check(input);
    }
}
