package fi.avain.routes.messages;

/**
 * Processes a stored message again, as its flow would have: one bean per flow. A replayer must be an
 * idempotent consumer keyed by the sender's id (as every flow is), since two operators may replay the
 * same message at the same moment. An exception it throws counts as a failed replay.
 */
public interface MessageReplayer {

    /** The flow whose messages this replays, as stored in {@link StoredMessage#flow()}. */
    String flow();

    ReplayOutcome replay(StoredMessage message);
}
