package fi.avain.mappings.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The code-like value types: organisation OIDs, municipality codes and wellbeing county codes. */
class CodeValuesTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("oid", parser(OrganizationOid::parse), "1.2.246.10.1234567.10.0"),
                Arguments.of("oid", parser(OrganizationOid::parse), "2.16.840.1.113883"),
                Arguments.of("oid", parser(OrganizationOid::parse), "0.0.0"),
                Arguments.of("municipality", parser(MunicipalityCode::parse), "091"),
                Arguments.of("municipality", parser(MunicipalityCode::parse), "491"),
                Arguments.of("municipality", parser(MunicipalityCode::parse), " 005 "),
                Arguments.of("county", parser(WellbeingCountyCode::parse), "01"),
                Arguments.of("county", parser(WellbeingCountyCode::parse), "23"),
                Arguments.of("county", parser(WellbeingCountyCode::parse), "90"));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("oid", parser(OrganizationOid::parse), "3.2.246"),
                Arguments.of("oid", parser(OrganizationOid::parse), "1.2"),
                Arguments.of("oid", parser(OrganizationOid::parse), "1.02.246"),
                Arguments.of("oid", parser(OrganizationOid::parse), "1.2.246."),
                Arguments.of("oid", parser(OrganizationOid::parse), "1.2.x"),
                Arguments.of("oid", parser(OrganizationOid::parse), "1" + ".1".repeat(41)),
                Arguments.of("oid", parser(OrganizationOid::parse), null),
                Arguments.of("municipality", parser(MunicipalityCode::parse), "91"),
                Arguments.of("municipality", parser(MunicipalityCode::parse), "0911"),
                Arguments.of("municipality", parser(MunicipalityCode::parse), "A91"),
                Arguments.of("municipality", parser(MunicipalityCode::parse), null),
                Arguments.of("county", parser(WellbeingCountyCode::parse), "00"),
                Arguments.of("county", parser(WellbeingCountyCode::parse), "24"),
                Arguments.of("county", parser(WellbeingCountyCode::parse), "1"),
                Arguments.of("county", parser(WellbeingCountyCode::parse), "89"),
                Arguments.of("county", parser(WellbeingCountyCode::parse), null));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("valid")
    void acceptsAValidCode(String kind, Function<String, Object> parse, String text) {
        assertThat(parse.apply(text).toString()).isEqualTo(text.strip());
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("invalid")
    void rejectsAnInvalidCodeWithoutRepeatingIt(String kind, Function<String, Object> parse, String text) {
        assertThatThrownBy(() -> parse.apply(text))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageNotContaining(text == null ? "null" : text);
    }

    private static Function<String, Object> parser(Function<String, Object> parse) {
        return parse;
    }
}
