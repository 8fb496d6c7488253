package fi.avain.mappings.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service class of PTV's classification, e.g.
 * {@code http://uri.suomi.fi/codelist/ptv/ptvserclass/code/P6.10}. PTV also sends the older
 * {@code http://urn.fi/URN:NBN:fi:au:ptvl:v1070} form; both are accepted, only the new form has a code.
 */
public record ServiceClassUri(String value) {
    private static final Pattern NEW_FORM =
            Pattern.compile("https?://uri\\.suomi\\.fi/codelist/ptv/ptvserclass2?/code/(P\\d+(\\.\\d+)*)");
    private static final Pattern OLD_FORM = Pattern.compile("https?://urn\\.fi/URN:NBN:fi:au:ptvl(:v\\d+)?:?[A-Za-z0-9.]*");

    public ServiceClassUri {
        if (value == null || !(NEW_FORM.matcher(value).matches() || OLD_FORM.matcher(value).matches())) {
            throw new InvalidValueException("serviceClass", "must be a PTV service class URI");
        }
    }

    public static ServiceClassUri parse(String text) {
        return new ServiceClassUri(text == null ? null : text.strip());
    }

    /** Builds the URI of a code such as {@code P6.10}. */
    public static ServiceClassUri ofCode(String code) {
        return new ServiceClassUri("http://uri.suomi.fi/codelist/ptv/ptvserclass/code/" + code);
    }

    /** The code (P6.10) of a new-form URI, or empty for the older URN form. */
    public Optional<String> code() {
        Matcher m = NEW_FORM.matcher(value);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
