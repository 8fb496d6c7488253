package fi.avain.routes.jobs;

import java.io.PrintStream;

/**
 * Progress on stderr: a redrawn bar when stderr is a terminal, otherwise a plain line per stage
 * change and at most one line every few seconds, so log files stay readable.
 */
final class ConsoleProgress implements JobProgress {
    private static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;
    private static final int BAR_WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private String lastStage = "";
    private long lastPrinted;

    ConsoleProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void update(String stage, long done, long total) {
        long now = System.nanoTime();
        boolean newStage = !stage.equals(lastStage);
        if (terminal) {
            if (newStage && !lastStage.isEmpty()) {
                out.print('\n');
            }
            out.print('\r' + bar(stage, done, total));
            out.flush();
        } else if (newStage || now - lastPrinted > PLAIN_INTERVAL_NANOS) {
            out.println(stage + ": " + done + (total >= 0 ? "/" + total : ""));
            lastPrinted = now;
        }
        lastStage = stage;
    }

    synchronized void finish() {
        if (terminal && !lastStage.isEmpty()) {
            out.print('\n');
            out.flush();
        }
    }

    static String bar(String stage, long done, long total) {
        if (total <= 0) {
            return String.format("%-24s %d", stage, done);
        }
        int filled = (int) Math.min(BAR_WIDTH, BAR_WIDTH * done / total);
        return String.format("%-24s [%s%s] %d/%d", stage, "#".repeat(filled), " ".repeat(BAR_WIDTH - filled), done, total);
    }
}
