package fi.avain.connectors;

/** A credential from configuration; {@link #toString()} never shows it, so logs and dumps stay clean. */
public record Secret(String value) {
    public Secret {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a secret cannot be blank");
        }
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}
