package fi.avain.routes.reports;

import fi.avain.mappings.model.InvalidValueException;
import fi.avain.mappings.model.ServiceClassUri;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * PTV service classes as the service-gap report compares them. Plans write URIs, the catalogue copy's
 * facets write the code (P10.4), workers may write either: all become the code, or the text itself for
 * the older URN form, which has none. A need for a class is met by services of that class or of any class
 * below it (a line for P10 by a service classed P10.4), as the HSDS API's class filter finds them; never
 * by a broader class (a service classed only P10 may not offer what a P10.4 line pays for).
 */
final class ServiceClasses {
    private static final Pattern CODE = Pattern.compile("P\\d+(\\.\\d+)*");

    /** P9 before P10, P10 before P10.4, then by text; the older URN form after the codes. */
    static final Comparator<String> ORDER = ServiceClasses::compare;

    private ServiceClasses() {
    }

    static String key(String serviceClass) {
        String text = serviceClass.strip();
        if (CODE.matcher(text).matches()) {
            return text;
        }
        try {
            return ServiceClassUri.parse(text).code().orElse(text);
        } catch (InvalidValueException e) {
            return text;
        }
    }

    /** The class and every class above it: P10.4.2, P10.4, P10. Text that is not a code is only itself. */
    static List<String> selfAndAncestors(String key) {
        List<String> keys = new ArrayList<>();
        keys.add(key);
        if (!CODE.matcher(key).matches()) {
            return keys;
        }
        for (int dot = key.lastIndexOf('.'); dot > 0; dot = key.lastIndexOf('.', dot - 1)) {
            keys.add(key.substring(0, dot));
        }
        return keys;
    }

    private static int compare(String a, String b) {
        boolean aCode = CODE.matcher(a).matches();
        boolean bCode = CODE.matcher(b).matches();
        if (aCode != bCode) {
            return aCode ? -1 : 1;
        }
        if (!aCode) {
            return a.compareTo(b);
        }
        String[] as = a.substring(1).split("\\.");
        String[] bs = b.substring(1).split("\\.");
        for (int i = 0; i < Math.min(as.length, bs.length); i++) {
            int c = new BigInteger(as[i]).compareTo(new BigInteger(bs[i]));
            if (c != 0) {
                return c;
            }
        }
        int c = Integer.compare(as.length, bs.length);
        return c != 0 ? c : a.compareTo(b);
    }
}
