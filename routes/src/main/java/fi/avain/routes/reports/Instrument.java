package fi.avain.routes.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An outcome instrument (Kykyviisari, for one): the dimensions a measurement scores, each on the same
 * scale, and which way is better.
 */
public record Instrument(String code, String name, List<String> dimensions, Scale scale, boolean higherIsBetter) {
    public Instrument {
        dimensions = List.copyOf(dimensions);
    }

    /** The lowest and highest score a dimension can have, both allowed. */
    public record Scale(BigDecimal min, BigDecimal max) {
        public boolean contains(BigDecimal score) {
            return score.compareTo(min) >= 0 && score.compareTo(max) <= 0;
        }
    }

    /** What is wrong with a measurement's scores: the dimension, and the rule it broke. */
    public record ScoreProblem(String dimension, String rule) {
    }

    /**
     * The first thing wrong with the scores: a dimension the instrument does not have, one it has left
     * out, or a score off the scale. Empty when every dimension has a score on the scale.
     */
    public Optional<ScoreProblem> check(Map<String, BigDecimal> scores) {
        for (String dimension : scores.keySet()) {
            if (!dimensions.contains(dimension)) {
                return Optional.of(new ScoreProblem(dimension, "is not a dimension of " + code + " ("
                        + String.join(", ", dimensions) + ")"));
            }
        }
        for (String dimension : dimensions) {
            BigDecimal score = scores.get(dimension);
            if (score == null) {
                return Optional.of(new ScoreProblem(dimension, "is missing: " + code + " scores "
                        + String.join(", ", dimensions)));
            }
            if (!scale.contains(score)) {
                return Optional.of(new ScoreProblem(dimension, "must be from " + scale.min().toPlainString() + " to "
                        + scale.max().toPlainString()));
            }
        }
        return Optional.empty();
    }

    /** The mean of the dimensions' scores, to three decimals: the measurement's one number. */
    public BigDecimal mean(Map<String, BigDecimal> scores) {
        BigDecimal sum = dimensions.stream().map(scores::get).reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(dimensions.size()), 3, RoundingMode.HALF_UP);
    }
}
