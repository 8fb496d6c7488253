package fi.avain.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Golden cases: {@code src/test/resources/golden/<mapping>/<case>.input.json} maps to
 * {@code <case>.expected.json}, or fails with the reason in {@code <case>.expected-error.txt}.
 * Inputs that are files of another kind ({@code <case>.input.csv}) are mapped from their path.
 * Run with {@code -Dgolden.update=true} to rewrite the expected files from what the code produces.
 */
public final class GoldenFiles {
    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Path ROOT = Path.of("src/test/resources/golden");
    private static final String INPUT = ".input.";
    private static final int MAX_DIFFERENCES = 25;

    private GoldenFiles() {
    }

    /** The input files of one mapping, sorted by name. */
    public static Stream<Path> inputs(String mapping) {
        try (Stream<Path> files = Files.list(ROOT.resolve(mapping))) {
            List<Path> inputs = files.filter(f -> f.getFileName().toString().contains(INPUT)).sorted().toList();
            assertThat(inputs).as("golden inputs in " + ROOT.resolve(mapping)).isNotEmpty();
            return inputs.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The expected outputs of one mapping (for checks that read them, such as schema validation). */
    public static Stream<Path> expected(String mapping) {
        return inputs(mapping).map(input -> sibling(input, ".expected.json")).filter(Files::exists);
    }

    public static String caseName(Path input) {
        String name = input.getFileName().toString();
        return name.substring(0, name.lastIndexOf(INPUT));
    }

    public static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void check(Path input, Function<JsonNode, JsonNode> mapping) {
        checkFile(input, file -> mapping.apply(read(file)));
    }

    /** As {@link #check}, for a mapping that reads the input file itself. */
    public static void checkFile(Path input, Function<Path, JsonNode> mapping) {
        Path expectedFile = sibling(input, ".expected.json");
        Path errorFile = sibling(input, ".expected-error.txt");
        if (Boolean.getBoolean("golden.update")) {
            update(input, mapping, expectedFile, errorFile);
        } else if (Files.exists(errorFile)) {
            String reason = readString(errorFile).strip();
            assertThatThrownBy(() -> mapping.apply(input)).isInstanceOf(MappingException.class).hasMessage(reason);
        } else if (Files.exists(expectedFile)) {
            JsonNode actual = normalise(mapping.apply(input));
            JsonNode expected = read(expectedFile);
            if (!actual.equals(expected)) {
                fail("%s differs from %s (-Dgolden.update=true rewrites it):%n%s", caseName(input), expectedFile,
                        String.join("\n", differences("", expected, actual, new ArrayList<>())));
            }
        } else {
            fail("no %s or %s; run with -Dgolden.update=true to create one", expectedFile, errorFile);
        }
    }

    private static void update(Path input, Function<Path, JsonNode> mapping, Path expectedFile, Path errorFile) {
        try {
            Files.deleteIfExists(expectedFile);
            Files.deleteIfExists(errorFile);
            try {
                Files.writeString(expectedFile, JSON.writeValueAsString(mapping.apply(input)) + "\n");
            } catch (MappingException e) {
                Files.writeString(errorFile, e.getMessage() + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Through text and back, so that numbers compare as the expected file's parser reads them. */
    private static JsonNode normalise(JsonNode node) {
        try {
            return JSON.readTree(JSON.writeValueAsString(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> differences(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (out.size() >= MAX_DIFFERENCES || expected.equals(actual)) {
            return out;
        }
        if (expected.isObject() && actual.isObject()) {
            TreeSet<String> fields = new TreeSet<>();
            expected.fieldNames().forEachRemaining(fields::add);
            actual.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                differences(path + "/" + field, expected.path(field), actual.path(field), out);
            }
        } else if (expected.isArray() && actual.isArray()) {
            for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
                differences(path + "/" + i, expected.path(i), actual.path(i), out);
            }
        } else {
            out.add("  " + (path.isEmpty() ? "/" : path) + ": expected " + shorten(expected) + ", got " + shorten(actual));
        }
        return out;
    }

    private static String shorten(JsonNode node) {
        String text = node.isMissingNode() ? "(absent)" : node.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }

    private static Path sibling(Path input, String suffix) {
        return input.resolveSibling(caseName(input) + suffix);
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
