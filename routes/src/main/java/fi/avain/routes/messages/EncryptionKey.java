package fi.avain.routes.messages;

/**
 * A base64 AES key as configured. {@link #toString()} redacts, so the key never reaches a log, an
 * actuator dump or an exception message.
 */
public record EncryptionKey(String base64) {

    @Override
    public String toString() {
        return "EncryptionKey[redacted]";
    }
}
