package fi.avain.connectors.simulator;

/** A way a simulator can be told to misbehave, as the real systems sometimes do. */
public enum Fault {
    /** 500 with a JSON error body. */
    HTTP_500,
    /** 400 with a JSON error body. */
    HTTP_400,
    /** Answers only after the simulator's timeout delay, longer than a client should wait. */
    TIMEOUT,
    /** Closes the connection without an answer. */
    RESET,
    /** 200 with an HTML body, as a proxy's error page looks. */
    NOT_JSON,
    /** 200 with a valid-looking JSON body larger than the simulator's oversize limit. */
    OVERSIZE
}
