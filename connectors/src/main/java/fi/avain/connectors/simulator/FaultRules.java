package fi.avain.connectors.simulator;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The faults a simulator was told to inject, first matching rule first. */
final class FaultRules {
    private static final int UNLIMITED = -1;

    private record Rule(String pathPrefix, AtomicInteger remaining, Fault fault) {
        boolean take(String path) {
            if (!path.startsWith(pathPrefix)) {
                return false;
            }
            if (remaining.get() == UNLIMITED) {
                return true;
            }
            return remaining.getAndUpdate(n -> n > 0 ? n - 1 : n) > 0;
        }
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    void add(String pathPrefix, int times, Fault fault) {
        rules.add(new Rule(pathPrefix, new AtomicInteger(times), fault));
    }

    void addUnlimited(String pathPrefix, Fault fault) {
        add(pathPrefix, UNLIMITED, fault);
    }

    void clear() {
        rules.clear();
    }

    Optional<Fault> next(String path) {
        for (Rule rule : rules) {
            if (rule.take(path)) {
                return Optional.of(rule.fault());
            }
        }
        return Optional.empty();
    }
}
