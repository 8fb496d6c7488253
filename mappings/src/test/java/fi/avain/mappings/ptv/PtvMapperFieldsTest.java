package fi.avain.mappings.ptv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.mappings.GoldenFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each mapping reads nothing beyond the top-level fields it declares: an item cut down to them maps
 * to the same model, or fails with the same reason, as the whole item.
 */
class PtvMapperFieldsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PtvMapper MAPPER = new PtvMapper();

    static Stream<Arguments> inputs() {
        return Stream.of(
                        GoldenFiles.inputs("ptv-service").map(p -> Arguments.of(p, PtvMapper.SERVICE_FIELDS,
                                (Function<JsonNode, Object>) MAPPER::service)),
                        GoldenFiles.inputs("ptv-channel").map(p -> Arguments.of(p, PtvMapper.CHANNEL_FIELDS,
                                (Function<JsonNode, Object>) MAPPER::channel)),
                        GoldenFiles.inputs("ptv-organization").map(p -> Arguments.of(p, PtvMapper.ORGANIZATION_FIELDS,
                                (Function<JsonNode, Object>) MAPPER::organization)))
                .flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void mapsTheSameFromTheDeclaredFieldsAlone(Path input, Set<String> fields, Function<JsonNode, Object> mapping)
            throws IOException {
        JsonNode whole = JSON.readTree(input.toFile());
        ObjectNode cut = ((ObjectNode) whole.deepCopy()).retain(fields);

        assertThat(cut.size()).as("the sample has fields the mapping does not read").isLessThanOrEqualTo(whole.size());
        assertThat(outcome(mapping, cut)).isEqualTo(outcome(mapping, whole));
    }

    private static Object outcome(Function<JsonNode, Object> mapping, JsonNode item) {
        try {
            return mapping.apply(item);
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
