package fi.avain.routes.fhir;

/**
 * A subscription that cannot be kept as asked: names the element (a FHIRPath such as
 * {@code Subscription.channel.endpoint}) and the rule, never the value given, since header values are
 * credentials and endpoints may carry tokens.
 */
public final class InvalidSubscriptionException extends RuntimeException {
    private final String element;

    public InvalidSubscriptionException(String element, String rule) {
        super(element + ": " + rule);
        this.element = element;
    }

    /** The element at fault, as a FHIRPath expression. */
    public String element() {
        return element;
    }
}
