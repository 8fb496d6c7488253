package fi.avain.routes.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments after {@code job}: the job's name, its own options ({@code --full},
 * {@code --file=x}) and Spring properties (any key with a dot: {@code --avain.x=1}).
 */
record JobArguments(String name, Map<String, String> options, List<String> springArgs) {

    static JobArguments parse(String[] args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            throw new IllegalArgumentException("name the job to run; ./avain --help lists them");
        }
        Map<String, String> options = new LinkedHashMap<>();
        List<String> springArgs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'; options are --key=value");
            }
            int equals = arg.indexOf('=');
            String key = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
            if (key.contains(".")) {
                springArgs.add(arg);
            } else if (options.put(key, equals < 0 ? "true" : arg.substring(equals + 1)) != null) {
                // As over HTTP: which of two values was meant is not for the job to guess.
                throw new IllegalArgumentException("--" + key + " is given more than once");
            }
        }
        return new JobArguments(args[0], options, springArgs);
    }
}
