package fi.avain.routes.card;

import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Moves spooled card requests into the message store once the database answers again; every few seconds. */
@Component
class CardSpoolDrainer {
    private static final Logger log = LoggerFactory.getLogger(CardSpoolDrainer.class);

    private final CardSpool spool;
    private final CardDecisions decisions;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "card-spool");
        thread.setDaemon(true);
        return thread;
    });

    CardSpoolDrainer(CardSpool spool, CardDecisions decisions) {
        this.spool = spool;
        this.decisions = decisions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        timer.scheduleWithFixedDelay(this::drain, 1, 5, TimeUnit.SECONDS);
    }

    /** Writes what it can; stops at the first failure and tries again next round. */
    int drain() {
        int drained = 0;
        for (Path file : spool.pending()) {
            try {
                CardSpool.Entry entry = spool.read(file);
                if (!decisions.store(entry)) {
                    break;
                }
                spool.remove(file);
                drained++;
            } catch (Exception e) {
                log.warn("spooled card request {} not drained yet: {}", file.getFileName(), e.toString());
                break;
            }
        }
        if (drained > 0) {
            log.info("{} spooled card requests written to the message store", drained);
        }
        return drained;
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
