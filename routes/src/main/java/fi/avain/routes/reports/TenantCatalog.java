package fi.avain.routes.reports;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The tenants' own code lists: client groups and outcome instruments, one file per tenant,
 * {@code <avain.tenants-dir>/<tenant>.yml}. Read once at start-up, so a broken file stops start-up
 * naming the file rather than failing a night's report. A tenant without a file has free-text client
 * groups and no instruments.
 */
@Component
public class TenantCatalog {
    private final Map<String, Tenant> tenants;

    public TenantCatalog(@Value("${avain.tenants-dir:config/tenants}") Path dir) {
        this.tenants = read(dir);
    }

    public Optional<Tenant> tenant(String code) {
        return Optional.ofNullable(tenants.get(code));
    }

    public List<Tenant> all() {
        return List.copyOf(tenants.values());
    }

    public record Tenant(String code, String name, List<ClientGroup> clientGroups, List<Instrument> instruments) {
        public Optional<ClientGroup> clientGroup(String code) {
            return clientGroups.stream().filter(g -> g.code().equals(code)).findFirst();
        }

        public Optional<Instrument> instrument(String code) {
            return instruments.stream().filter(i -> i.code().equals(code)).findFirst();
        }
    }

    public record ClientGroup(String code, String name) {
    }

    public record Instrument(String code, String name, List<String> dimensions, Scale scale, boolean higherIsBetter) {
    }

    public record Scale(BigDecimal min, BigDecimal max) {
    }

    private static Map<String, Tenant> read(Path dir) {
        Map<String, Tenant> out = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted(Comparator.naturalOrder())
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the tenants in " + dir, e);
        }
        for (Path file : files) {
            Tenant tenant = parse(file);
            out.put(tenant.code(), tenant);
        }
        return out;
    }

    private static Tenant parse(Path file) {
        Object root;
        try (Reader reader = Files.newBufferedReader(file)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read tenant file " + file + ": " + e.getMessage(), e);
        }
        try {
            Map<?, ?> map = map(root, "the file");
            String code = text(map, "tenant");
            String expected = file.getFileName().toString().replaceFirst("\\.yml$", "");
            if (!code.equals(expected)) {
                throw new IllegalArgumentException("tenant is '" + code + "' but the file is named for '" + expected + "'");
            }
            List<ClientGroup> groups = new ArrayList<>();
            for (Object item : list(map.get("clientGroups"))) {
                Map<?, ?> group = map(item, "a client group");
                groups.add(new ClientGroup(text(group, "code"), text(group, "name")));
            }
            List<Instrument> instruments = new ArrayList<>();
            for (Object item : list(map.get("instruments"))) {
                Map<?, ?> instrument = map(item, "an instrument");
                Map<?, ?> scale = map(instrument.get("scale"), "an instrument's scale");
                instruments.add(new Instrument(text(instrument, "code"), text(instrument, "name"),
                        list(instrument.get("dimensions")).stream().map(String::valueOf).toList(),
                        new Scale(number(scale, "min"), number(scale, "max")),
                        !Boolean.FALSE.equals(instrument.get("higherIsBetter"))));
            }
            Object name = map.get("name");
            return new Tenant(code, name == null ? code : name.toString(), List.copyOf(groups), List.copyOf(instruments));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("tenant file " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<?, ?> map(Object value, String what) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new IllegalArgumentException(what + " must be a mapping");
    }

    private static List<?> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        throw new IllegalArgumentException("expected a list, found " + value.getClass().getSimpleName());
    }

    private static String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException(key + " is required");
        }
        return value.toString().strip();
    }

    private static BigDecimal number(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (!(value instanceof Number)) {
            throw new IllegalArgumentException("scale." + key + " must be a number");
        }
        return new BigDecimal(value.toString());
    }
}
