package fi.avain.mappings.model;

/**
 * A value failed validation at the edge. The message names the field and the rule, never the
 * rejected input itself: inputs may carry personal data.
 */
public class InvalidValueException extends IllegalArgumentException {
    private final String field;
    private final String rule;

    public InvalidValueException(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    /** The rule that was broken, without the field name. */
    public String rule() {
        return rule;
    }
}
