package fi.avain.routes.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstrumentTest {
    private static final Instrument KYKYVIISARI = new Instrument("kykyviisari", "Kykyviisari",
            List.of("physical", "mental", "social"), new Instrument.Scale(BigDecimal.ZERO, BigDecimal.TEN), true);

    @Test
    void acceptsEveryDimensionOnTheScaleEndsIncluded() {
        assertThat(KYKYVIISARI.check(scores("physical", "0", "mental", "10", "social", "6.5"))).isEmpty();
    }

    @Test
    void namesTheDimensionThatIsMissingUnknownOrOffTheScale() {
        assertThat(KYKYVIISARI.check(scores("physical", "5", "mental", "5"))).contains(new Instrument.ScoreProblem(
                "social", "is missing: kykyviisari scores physical, mental, social"));
        assertThat(KYKYVIISARI.check(scores("physical", "5", "mental", "5", "social", "5", "spiritual", "5")))
                .contains(new Instrument.ScoreProblem("spiritual",
                        "is not a dimension of kykyviisari (physical, mental, social)"));
        assertThat(KYKYVIISARI.check(scores("physical", "5", "mental", "10.5", "social", "5")))
                .contains(new Instrument.ScoreProblem("mental", "must be from 0 to 10"));
        assertThat(KYKYVIISARI.check(scores("physical", "-1", "mental", "5", "social", "5")))
                .contains(new Instrument.ScoreProblem("physical", "must be from 0 to 10"));
    }

    @Test
    void theMeanIsToThreeDecimals() {
        assertThat(KYKYVIISARI.mean(scores("physical", "7", "mental", "6", "social", "6"))).isEqualByComparingTo("6.333");
        assertThat(KYKYVIISARI.mean(scores("physical", "7", "mental", "6.5", "social", "6"))).hasToString("6.500");
    }

    private static Map<String, BigDecimal> scores(String... pairs) {
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            scores.put(pairs[i], new BigDecimal(pairs[i + 1]));
        }
        return scores;
    }
}
