package fi.avain.benchmarks;

import java.util.HashMap;
import java.util.Map;

/** The {@code --name=value} options of a benchmark driver, after its first argument (the command). */
public final class Options {
    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    public static Options parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("options are --name=value: " + arg);
            }
            values.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return new Options(values);
    }

    public String required(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    public String getOrDefault(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public String get(String name) {
        return values.get(name);
    }

    public boolean containsKey(String name) {
        return values.containsKey(name);
    }
}
