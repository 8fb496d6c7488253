package fi.avain.mappings.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceClassUriTest {

    @ParameterizedTest
    @CsvSource({
            "http://uri.suomi.fi/codelist/ptv/ptvserclass/code/P6.10, P6.10",
            "http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P4.1, P4.1",
            "https://uri.suomi.fi/codelist/ptv/ptvserclass/code/P6, P6",
            "http://urn.fi/URN:NBN:fi:au:ptvl:v1070, ''",
            "http://urn.fi/URN:NBN:fi:au:ptvl, ''"})
    void acceptsTheNewAndTheOldForm(String uri, String code) {
        ServiceClassUri parsed = ServiceClassUri.parse(uri);

        assertThat(parsed.value()).isEqualTo(uri);
        assertThat(parsed.code().orElse("")).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"P6.10", "P4.1", "P12"})
    void buildsTheNewFormFromACode(String code) {
        assertThat(ServiceClassUri.ofCode(code).code()).contains(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://uri.suomi.fi/codelist/ptv/ptvkohderyhmat/code/KR1",
            "http://uri.suomi.fi/codelist/ptv/ptvserclass/code/X6",
            "http://www.yso.fi/onto/koko/p7822",
            "P6.10",
            ""})
    void rejectsWhatIsNotAServiceClass(String uri) {
        assertThatThrownBy(() -> ServiceClassUri.parse(uri))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("serviceClass: must be a PTV service class URI");
    }
}
