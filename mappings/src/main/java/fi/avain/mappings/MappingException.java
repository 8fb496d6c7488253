package fi.avain.mappings;

import fi.avain.mappings.model.InvalidValueException;
import java.util.function.Function;

/**
 * An item that cannot be mapped. The message names the source field and the rule it broke, never
 * the rejected value, so it can be stored in the error store and shown to an operator as it is.
 */
public class MappingException extends RuntimeException {
    private final String field;

    public MappingException(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
    }

    /** Wraps a value type's refusal, naming the field as the source format calls it. */
    public MappingException(String field, InvalidValueException cause) {
        super(field + ": " + cause.rule(), cause);
        this.field = field;
    }

    /** Parses {@code text} with a value type's parser; a refusal becomes this exception, naming {@code field}. */
    public static <T> T parse(String field, String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (InvalidValueException e) {
            throw new MappingException(field, e);
        }
    }

    /** The field in the source format, e.g. {@code organization.businessCode}. */
    public String field() {
        return field;
    }
}
