package fi.avain.routes.messages;

import java.util.Objects;

/** What a {@link MessageReplayer} made of a message: the status it ends in, and why when it failed. */
public sealed interface ReplayOutcome {

    MessageStatus status();

    /** Why the replay failed; null when it did not. */
    default String reason() {
        return null;
    }

    static ReplayOutcome processed() {
        return new Processed();
    }

    static ReplayOutcome duplicate() {
        return new Duplicate();
    }

    static ReplayOutcome failed(String reason) {
        return new Failed(reason);
    }

    record Processed() implements ReplayOutcome {
        @Override
        public MessageStatus status() {
            return MessageStatus.PROCESSED;
        }
    }

    /** The message repeats one already applied; nothing was changed. */
    record Duplicate() implements ReplayOutcome {
        @Override
        public MessageStatus status() {
            return MessageStatus.DUPLICATE;
        }
    }

    record Failed(String reason) implements ReplayOutcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public MessageStatus status() {
            return MessageStatus.ERROR;
        }
    }
}
