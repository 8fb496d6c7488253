package fi.avain.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * An open-loop schedule: requests are due at a constant rate whatever the answers do, and each is handed
 * the time it was due, so a driver can measure from then rather than from when it got round to sending.
 */
public final class OpenLoop {
    private OpenLoop() {
    }

    /**
     * Calls {@code send} with each request's due time ({@link System#nanoTime()}), {@code rate} a second for
     * {@code seconds}; answers when the first was due.
     */
    public static long run(double rate, int seconds, LongConsumer send) {
        long count = Math.round(rate * seconds);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
        for (long i = 0; i < count; i++) {
            long intended = start + (long) (i * 1e9 / rate);
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            send.accept(intended);
        }
        return start;
    }
}
