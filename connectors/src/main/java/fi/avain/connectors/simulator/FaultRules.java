package fi.avain.connectors.simulator;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The faults a simulator was told to inject, first matching rule first. A rule matches a request
 * whose key (a path, an operation name) starts with the rule's prefix.
 *
 * @param <F> the kinds of fault the simulator knows
 */
public final class FaultRules<F> {
    private static final int UNLIMITED = -1;

    private record Rule<F>(String keyPrefix, AtomicInteger remaining, F fault) {
        boolean take(String key) {
            if (!key.startsWith(keyPrefix)) {
                return false;
            }
            if (remaining.get() == UNLIMITED) {
                return true;
            }
            return remaining.getAndUpdate(n -> n > 0 ? n - 1 : n) > 0;
        }
    }

    private final List<Rule<F>> rules = new CopyOnWriteArrayList<>();

    public void add(String keyPrefix, int times, F fault) {
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative");
        }
        rules.add(new Rule<>(keyPrefix, new AtomicInteger(times), fault));
    }

    public void addUnlimited(String keyPrefix, F fault) {
        rules.add(new Rule<>(keyPrefix, new AtomicInteger(UNLIMITED), fault));
    }

    public void clear() {
        rules.clear();
    }

    public Optional<F> next(String key) {
        for (Rule<F> rule : rules) {
            if (rule.take(key)) {
                return Optional.of(rule.fault());
            }
        }
        return Optional.empty();
    }
}
