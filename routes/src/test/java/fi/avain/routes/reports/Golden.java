package fi.avain.routes.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A report file against its golden copy, compared as JSON with decimals exact (216.67 is not 216.670).
 * Run with {@code -Dgolden.update=true} to rewrite the golden copy from what the code produced, then read
 * the diff.
 */
final class Golden {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Golden() {
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void check(Path expected, Path actual) throws IOException {
        String produced = JSON.writeValueAsString(read(actual)) + "\n";
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(expected.getParent());
            Files.writeString(expected, produced);
            return;
        }
        assertThat(Files.exists(expected)).as(expected + " exists (make it with -Dgolden.update=true)").isTrue();
        assertThat(produced).as(actual.getFileName() + " against " + expected)
                .isEqualTo(JSON.writeValueAsString(read(expected)) + "\n");
    }
}
