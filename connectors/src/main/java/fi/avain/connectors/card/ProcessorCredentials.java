package fi.avain.connectors.card;

/**
 * What the card processor (or its simulator) holds to talk to Avain: the API key it sends as
 * {@code Authorization: Bearer} and the two webhook secrets. {@link #toString()} shows none of them.
 */
public record ProcessorCredentials(String apiKey, String genericSecret, String stripeSecret) {
    public ProcessorCredentials {
        if (isBlank(apiKey) || isBlank(genericSecret) || isBlank(stripeSecret)) {
            throw new IllegalArgumentException("the processor's API key and both webhook secrets are required");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "ProcessorCredentials[redacted]";
    }
}
