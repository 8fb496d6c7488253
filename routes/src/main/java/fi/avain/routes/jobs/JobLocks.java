package fi.avain.routes.jobs;

import java.util.Optional;

/** Keeps one run of a job at a time across every server node and command-line run on the database. */
public interface JobLocks {
    /** A run's hold on its job; closing it lets the next run start. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Holds the job for this run, or answers empty when another run, anywhere, holds it. */
    Optional<Held> tryHold(String job);
}
