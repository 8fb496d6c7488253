package fi.avain.routes.reports;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The tenants' files, {@code <avain.tenants-dir>/<tenant>.yml}: client groups and outcome instruments,
 * read once at start-up. A file that is wrong stops start-up with a message naming the file and the
 * field, rather than a report that quietly leaves a group out. A tenant without a file has free-text
 * client groups and no instruments.
 */
@Component
public class TenantCatalog {
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final Pattern DIMENSION = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final int MAX_DIMENSIONS = 100;

    private final Map<String, Tenant> tenants;

    /** A plain path: Spring's own conversion to Path would read it as a resource of the web application. */
    @Autowired
    TenantCatalog(@Value("${avain.tenants-dir:config/tenants}") String dir) {
        this(Path.of(dir));
    }

    TenantCatalog(Path dir) {
        this.tenants = load(dir);
    }

    public Optional<Tenant> tenant(String code) {
        return Optional.ofNullable(tenants.get(code));
    }

    /** Every tenant with a file, by code. */
    public List<Tenant> all() {
        return List.copyOf(tenants.values());
    }

    /** Reads every {@code *.yml} and {@code *.yaml} file of {@code dir}, in name order; no directory is no tenants. */
    static Map<String, Tenant> load(Path dir) {
        Map<String, Tenant> tenants = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return tenants;
        }
        List<Path> files;
        try (Stream<Path> entries = Files.list(dir)) {
            files = entries.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the tenants' directory " + dir + ": " + e.getMessage());
        }
        for (Path file : files) {
            Tenant tenant = read(file);
            tenants.put(tenant.code(), tenant);
        }
        return tenants;
    }

    static Tenant read(Path file) {
        Object root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(file + ": cannot be read: " + e.getMessage());
        } catch (YAMLException e) {
            // no cause attached: start-up reports the deepest cause, and this message names the file
            throw new IllegalStateException(file + ": is not valid YAML: " + e.getMessage().lines().findFirst()
                    .orElse(""));
        }
        Fields fields = new Fields(file);
        Map<String, Object> map = fields.map(root, "(top level)",
                Set.of("tenant", "name", "clientGroups", "instruments"));
        String code = fields.code(map, "tenant", "tenant");
        String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        if (!code.equals(stem)) {
            throw fields.wrong("tenant", "must be the file's name without .yml (" + stem + ")");
        }
        String name = fields.text(map, "name", "name");
        List<ClientGroup> groups = new ArrayList<>();
        Set<String> groupCodes = new HashSet<>();
        List<Object> groupList = fields.list(map.get("clientGroups"), "clientGroups");
        for (int i = 0; i < groupList.size(); i++) {
            String path = "clientGroups[" + i + "]";
            Map<String, Object> group = fields.map(groupList.get(i), path, Set.of("code", "name"));
            ClientGroup g = new ClientGroup(fields.code(group, "code", path + ".code"),
                    fields.text(group, "name", path + ".name"));
            if (!groupCodes.add(g.code())) {
                throw fields.wrong(path + ".code", "repeats an earlier group's code");
            }
            groups.add(g);
        }
        List<Instrument> instruments = new ArrayList<>();
        Set<String> instrumentCodes = new HashSet<>();
        List<Object> instrumentList = map.containsKey("instruments")
                ? fields.list(map.get("instruments"), "instruments") : List.of();
        for (int i = 0; i < instrumentList.size(); i++) {
            Instrument instrument = instrument(fields, instrumentList.get(i), "instruments[" + i + "]");
            if (!instrumentCodes.add(instrument.code())) {
                throw fields.wrong("instruments[" + i + "].code", "repeats an earlier instrument's code");
            }
            instruments.add(instrument);
        }
        return new Tenant(code, name, groups, instruments);
    }

    private static Instrument instrument(Fields fields, Object node, String path) {
        Map<String, Object> map = fields.map(node, path,
                Set.of("code", "name", "dimensions", "scale", "higherIsBetter"));
        String code = fields.code(map, "code", path + ".code");
        String name = fields.text(map, "name", path + ".name");
        List<Object> list = fields.list(map.get("dimensions"), path + ".dimensions");
        if (list.size() > MAX_DIMENSIONS) {
            throw fields.wrong(path + ".dimensions", "must be at most " + MAX_DIMENSIONS);
        }
        List<String> dimensions = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String dimensionPath = path + ".dimensions[" + i + "]";
            if (!(list.get(i) instanceof String d) || !DIMENSION.matcher(d).matches()) {
                throw fields.wrong(dimensionPath, "must be a name of lower-case letters, digits and _ (a CSV column)");
            }
            if (dimensions.contains(d)) {
                throw fields.wrong(dimensionPath, "repeats an earlier dimension");
            }
            dimensions.add(d);
        }
        Map<String, Object> scale = fields.map(map.get("scale"), path + ".scale", Set.of("min", "max"));
        BigDecimal min = fields.number(scale, "min", path + ".scale.min");
        BigDecimal max = fields.number(scale, "max", path + ".scale.max");
        if (max.compareTo(min) <= 0) {
            throw fields.wrong(path + ".scale.max", "must be greater than min");
        }
        Object higher = map.get("higherIsBetter");
        if (!(higher instanceof Boolean higherIsBetter)) {
            throw fields.wrong(path + ".higherIsBetter", higher == null ? "is missing" : "must be true or false");
        }
        return new Instrument(code, name, dimensions, new Instrument.Scale(min, max), higherIsBetter);
    }

    /** Reading one file's values, every refusal naming the file and the field's path. */
    private record Fields(Path file) {

        IllegalStateException wrong(String path, String rule) {
            return new IllegalStateException(file + ": " + path + ": " + rule);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map(Object node, String path, Set<String> known) {
            if (node == null) {
                throw wrong(path, "is missing");
            }
            if (!(node instanceof Map<?, ?> map)) {
                throw wrong(path, "must be a mapping of " + String.join(", ", known.stream().sorted().toList()));
            }
            for (Object key : map.keySet()) {
                if (!known.contains(String.valueOf(key))) {
                    throw wrong(path, "has an unknown field '" + key + "' (known: "
                            + String.join(", ", known.stream().sorted().toList()) + ")");
                }
            }
            return (Map<String, Object>) map;
        }

        @SuppressWarnings("unchecked")
        List<Object> list(Object node, String path) {
            if (node == null) {
                throw wrong(path, "is missing");
            }
            if (!(node instanceof List<?> list) || list.isEmpty()) {
                throw wrong(path, "must be a non-empty list");
            }
            return (List<Object>) list;
        }

        String text(Map<String, Object> map, String key, String path) {
            Object value = map.get(key);
            if (value == null || String.valueOf(value).isBlank()) {
                throw wrong(path, "is missing");
            }
            if (!(value instanceof String text)) {
                throw wrong(path, "must be text");
            }
            return text.strip();
        }

        String code(Map<String, Object> map, String key, String path) {
            String code = text(map, key, path);
            if (!CODE.matcher(code).matches()) {
                throw wrong(path, "must be a code of lower-case letters, digits, - and _");
            }
            return code;
        }

        BigDecimal number(Map<String, Object> map, String key, String path) {
            Object value = map.get(key);
            if (value == null) {
                throw wrong(path, "is missing");
            }
            if (!(value instanceof Integer || value instanceof Long || value instanceof Double
                    || value instanceof java.math.BigInteger)) {
                throw wrong(path, "must be a number");
            }
            return new BigDecimal(value.toString());
        }
    }
}
