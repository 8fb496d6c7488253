package fi.avain.mappings.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.UnknownKeywordFactory;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates objects against the HSDS 3.0 schemas kept in the shared reference folder. The folder is
 * the system property {@code avain.reference.dir}, else the first {@code shared/reference} found
 * inside or beside a folder on the way up from the working directory.
 */
public final class HsdsSchemas {
    /** The types with a self-contained compiled schema; the rest are read from the per-object files. */
    private static final List<String> COMPILED = List.of("service", "organization", "service_at_location");
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    private static final JsonSchemaFactory FACTORY = factory();

    private HsdsSchemas() {
    }

    /** The validation errors of {@code object} as an HSDS {@code type} (service, location...), empty if valid. */
    public static List<String> errors(String type, JsonNode object) {
        return SCHEMAS.computeIfAbsent(type, HsdsSchemas::load).validate(object).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }

    public static Path referenceDir() {
        String configured = System.getProperty("avain.reference.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : List.of(dir.resolve("shared/reference"), dir.resolveSibling("shared/reference"))) {
                if (Files.isDirectory(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("no shared/reference folder found above " + Path.of("").toAbsolutePath()
                + "; set -Davain.reference.dir");
    }

    private static JsonSchema load(String type) {
        Path schemas = referenceDir().resolve("hsds-3.0/schema");
        Path file = COMPILED.contains(type) ? schemas.resolve("compiled/" + type + ".json")
                : schemas.resolve(type + ".json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no HSDS schema for " + type + " at " + file);
        }
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return FACTORY.getSchema(SchemaLocation.of(file.toUri().toString()), config);
    }

    /** Draft 2020-12, ignoring the Frictionless keywords (constraints, core...) the HSDS schemas carry. */
    private static JsonSchemaFactory factory() {
        JsonMetaSchema metaSchema = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                .unknownKeywordFactory(UnknownKeywordFactory.getInstance())
                .build();
        return JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012))
                .metaSchema(metaSchema)
                .defaultMetaSchemaIri(metaSchema.getIri())
                .build();
    }
}
