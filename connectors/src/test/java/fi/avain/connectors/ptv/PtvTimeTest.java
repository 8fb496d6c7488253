package fi.avain.connectors.ptv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PtvTimeTest {
    @ParameterizedTest
    @CsvSource({
            "2020-04-22T09:35:58.293984, 2020-04-22T09:35:58.293984Z",
            "2020-04-22T09:35:58, 2020-04-22T09:35:58Z",
            "2020-04-22T09:35:58.293984Z, 2020-04-22T09:35:58.293984Z",
            "2020-04-22T12:35:58+03:00, 2020-04-22T09:35:58Z",
            "2020-04-22T04:35:58.5-05:00, 2020-04-22T09:35:58.500Z"
    })
    void readsModifiedAsUtcUnlessAZoneIsGiven(String text, String expected) {
        assertThat(PtvTime.parseModified(text)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2020-04-22", "2020-04-22T09:35:58+3", "2020-13-22T09:35:58",
            "2020-04-22T09:35:58+03:00x"})
    void refusesWhatIsNotATime(String text) {
        assertThat(PtvTime.parseModified(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-04-22T09:35:58.1", "2020-04-22 09:35:58", "2020-04-22T09:35", "x2020-04-22T09:35:58"})
    void aWatermarkHasExactlyPtvsFormat(String text) {
        assertThat(PtvTime.parseWatermark(text)).isEmpty();
        assertThat(PtvTime.parseWatermark("2020-04-22T09:35:58")).contains(Instant.parse("2020-04-22T09:35:58Z"));
    }
}
