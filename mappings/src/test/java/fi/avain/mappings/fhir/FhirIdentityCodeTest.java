package fi.avain.mappings.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import fi.avain.mappings.GoldenFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The identity code leaves Avain only in a Patient's PIC identifier: not in its narrative, nor anywhere else. */
class FhirIdentityCodeTest {
    private static final Pattern CODE = Pattern.compile("\\d{6}[-+YXWVUABCDEF]\\d{3}[0-9A-Y]");

    static Stream<Path> cases() {
        return FhirGolden.inputs();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void appearsOnlyInThePatientsIdentifier(Path input) {
        IBaseResource resource = FhirGolden.build(input);
        if (resource instanceof Patient patient) {
            assertThat(FhirGolden.encode(patient)).contains(patient.getIdentifierFirstRep().getValue());
            patient.getIdentifier().clear();
        }
        String encoded = FhirGolden.encode(resource);
        assertThat(everyIdentityCode()).isNotEmpty().noneMatch(encoded::contains);
    }

    /** Every identity code of every golden input, whichever mapper it is for. */
    private static List<String> everyIdentityCode() {
        return FhirGolden.inputs().flatMap(input -> {
            Matcher codes = CODE.matcher(GoldenFiles.read(input).toString());
            return codes.results().map(MatchResult::group);
        }).distinct().toList();
    }
}
