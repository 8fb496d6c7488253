package fi.avain.routes.messages;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Replays flow {@value #FLOW}: a body containing "fail-again" fails, "explode" throws, anything else is processed. */
class ScriptedReplayer implements MessageReplayer {
    static final String FLOW = "replayable";

    private final List<UUID> replayed = new CopyOnWriteArrayList<>();

    @Override
    public String flow() {
        return FLOW;
    }

    @Override
    public ReplayOutcome replay(StoredMessage message) {
        replayed.add(message.id());
        String body = message.bodyText();
        if (body.contains("explode")) {
            throw new IllegalStateException("replayer exploded on client 131052-308T");
        }
        return body.contains("fail-again") ? ReplayOutcome.failed("provider still unknown") : ReplayOutcome.processed();
    }

    List<UUID> replayed() {
        return List.copyOf(replayed);
    }
}
