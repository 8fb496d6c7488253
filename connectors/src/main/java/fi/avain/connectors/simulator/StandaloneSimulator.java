package fi.avain.connectors.simulator;

import java.util.Arrays;

/** What a simulator's {@code main} needs to run in its own JVM, as the load benchmark starts them. */
public final class StandaloneSimulator {
    private StandaloneSimulator() {
    }

    /** The value of {@code --name=value} in {@code args}, or {@code fallback}. */
    public static String option(String[] args, String name, String fallback) {
        String prefix = "--" + name + "=";
        return Arrays.stream(args).filter(arg -> arg.startsWith(prefix)).map(arg -> arg.substring(prefix.length()))
                .findFirst().orElse(fallback);
    }

    /** Prints the simulator's base URL (the line a driver waits for) and serves until the JVM is stopped. */
    public static void serveUntilStopped(AutoCloseable simulator, String baseUrl) throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(simulator)));
        System.out.println(baseUrl);
        System.out.flush();
        Thread.currentThread().join();
    }

    private static void close(AutoCloseable simulator) {
        try {
            simulator.close();
        } catch (Exception e) {
            // The JVM is going down; nothing is left to tell.
        }
    }
}
