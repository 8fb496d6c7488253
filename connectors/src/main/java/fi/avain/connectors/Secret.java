package fi.avain.connectors;

/** A credential from configuration; {@link #toString()} never shows it, so logs and dumps cannot leak it. */
public record Secret(String value) {
    public static final Secret NONE = new Secret("");

    public Secret {
        value = value == null ? "" : value;
    }

    public boolean isPresent() {
        return !value.isEmpty();
    }

    @Override
    public String toString() {
        return value.isEmpty() ? "Secret[none]" : "Secret[redacted]";
    }
}
