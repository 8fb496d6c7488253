package fi.avain.routes.messages;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** Messages of these flows cannot be replayed: no {@link MessageReplayer} is registered for them. */
public class NoReplayerException extends RuntimeException {
    private final SortedSet<String> flows;

    NoReplayerException(Set<String> flows) {
        super("no replayer is registered for flow(s) " + String.join(", ", new TreeSet<>(flows)));
        this.flows = new TreeSet<>(flows);
    }

    public SortedSet<String> flows() {
        return flows;
    }
}
