package fi.avain.routes.fhir;

import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.ResourceBinding;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.method.BaseQueryParameter;
import ca.uhn.fhir.rest.server.method.SearchMethodBinding;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The parameters HAPI would otherwise read loosely, checked before it picks a method. HAPI takes a negative
 * {@code _count} (and then links a page to itself), reads a {@code _count} that is no number as none, and
 * serves JSON for a {@code _format} it does not know; those are refused. A search's unknown parameters are
 * refused by default, as with {@code Prefer: handling=strict}; with {@code handling=lenient} they are left
 * out, of the search and of the Bundle's self link (FHIR R4 search, 3.1.1.4).
 */
final class RequestParameters {
    /** What HAPI itself does with any search's results; the providers' parameters come on top. */
    static final Set<String> RESULT_PARAMETERS = Set.of(Constants.PARAM_COUNT, Constants.PARAM_FORMAT,
            Constants.PARAM_PRETTY, Constants.PARAM_SUMMARY, Constants.PARAM_ELEMENTS);
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,100}");
    private static final Pattern LENIENT = Pattern.compile("(?i)^\\s*handling\\s*=\\s*\"?lenient\"?\\s*$");

    private final RestfulServer server;
    /** Per resource type with a search, the parameters its searches take; made once the server is up. */
    private volatile Map<String, Set<String>> searches;

    RequestParameters(RestfulServer server) {
        this.server = server;
    }

    /** Throws the 400 or 406 for a parameter that cannot be used; leaves out those a lenient search ignores. */
    void check(RequestDetails request) {
        for (String format : values(request, Constants.PARAM_FORMAT)) {
            // a '+' in a query string reads as a space
            EncodingEnum encoding = EncodingEnum.forContentType(format.strip().replace(' ', '+'));
            if (encoding != EncodingEnum.JSON && encoding != EncodingEnum.XML) {
                throw BaseServerResponseException.newInstance(406, "Parameter '_format' must be json or xml "
                        + "(or application/fhir+json, application/fhir+xml): the only formats this server writes.");
            }
        }
        int largest = server.getPagingProvider().getMaximumPageSize();
        wholeNumber(request, Constants.PARAM_COUNT, 1, largest, "Parameter '_count' must be a whole number from 1 up "
                + "(a larger page than " + largest + " is served as that).");
        wholeNumber(request, Constants.PARAM_PAGINGOFFSET, 0, Integer.MAX_VALUE,
                "Parameter '_getpagesoffset' must be a whole number from 0 up.");
        Set<String> takes = isSearch(request) ? searches().get(request.getResourceName()) : null;
        if (takes != null) {
            unknown(request, takes);
        }
    }

    /**
     * Refuses a value that is no whole number or is below {@code least}, and gives one above {@code most} as
     * {@code most}: HAPI would read one too large for an int as no value at all.
     */
    private static void wholeNumber(RequestDetails request, String name, int least, int most, String refusal) {
        String[] values = request.getParameters().get(name);
        if (values == null) {
            return;
        }
        String[] read = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            String value = values[i].strip();
            if (!WHOLE_NUMBER.matcher(value).matches()) {
                throw new InvalidRequestException(refusal);
            }
            BigInteger number = new BigInteger(value);
            if (number.compareTo(BigInteger.valueOf(least)) < 0) {
                throw new InvalidRequestException(refusal);
            }
            read[i] = number.min(BigInteger.valueOf(most)).toString();
        }
        if (!List.of(read).equals(List.of(values))) {
            Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameters());
            parameters.put(name, read);
            request.setParameters(parameters);
        }
    }

    private void unknown(RequestDetails request, Set<String> takes) {
        Map<String, String[]> kept = new LinkedHashMap<>();
        Set<String> unknown = new TreeSet<>();
        request.getParameters().forEach((name, values) -> {
            String base = base(name);
            if (RESULT_PARAMETERS.contains(base) || takes.contains(base)) {
                kept.put(name, values);
            } else {
                unknown.add(name);
            }
        });
        if (unknown.isEmpty()) {
            return;
        }
        if (!lenient(request)) {
            List<String> own = takes.stream().sorted().toList();
            throw new InvalidRequestException("Unknown search parameter" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown.stream().map(n -> "'" + n + "'").toList()) + ": "
                    + request.getResourceName() + " is searched by " + (own.isEmpty() ? "" : String.join(", ", own)
                    + ", ") + "_count, _format, _pretty, _summary and _elements. With 'Prefer: handling=lenient' "
                    + "unknown parameters are ignored.");
        }
        request.setParameters(kept);
    }

    /** A search on a resource type: HAPI's type-level GET, or POST to {@code _search}. */
    private boolean isSearch(RequestDetails request) {
        if (request.getResourceName() == null || request.getId() != null || request.getCompartmentName() != null
                || request.getParameters().containsKey(Constants.PARAM_PAGINGACTION)) {
            return false;
        }
        String operation = request.getOperation();
        return request.getRequestType() == RequestTypeEnum.GET && operation == null
                || (request.getRequestType() == RequestTypeEnum.GET || request.getRequestType() == RequestTypeEnum.POST)
                && Constants.PARAM_SEARCH.equals(operation);
    }

    private Map<String, Set<String>> searches() {
        Map<String, Set<String>> made = searches;
        if (made == null) {
            Map<String, Set<String>> names = new HashMap<>();
            for (ResourceBinding binding : server.getResourceBindings()) {
                binding.getMethodBindings().stream().filter(SearchMethodBinding.class::isInstance).forEach(search -> {
                    Set<String> takes = names.computeIfAbsent(binding.getResourceName(), n -> new TreeSet<>());
                    search.getParameters().stream().filter(BaseQueryParameter.class::isInstance)
                            .forEach(p -> takes.add(((BaseQueryParameter) p).getName()));
                });
            }
            made = Map.copyOf(names);
            searches = made;
        }
        return made;
    }

    /** The parameter's name without its modifier or chain ({@code date:missing}, {@code patient.identifier}). */
    private static String base(String name) {
        int end = name.length();
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) == ':' || name.charAt(i) == '.') {
                end = i;
                break;
            }
        }
        return name.substring(0, end);
    }

    private static boolean lenient(RequestDetails request) {
        List<String> prefer = request.getHeaders(Constants.HEADER_PREFER);
        if (prefer == null) {
            return false;
        }
        return prefer.stream().flatMap(p -> Pattern.compile("[,;]").splitAsStream(p))
                .anyMatch(token -> LENIENT.matcher(token.toLowerCase(Locale.ROOT)).matches());
    }

    private static List<String> values(RequestDetails request, String name) {
        String[] values = request.getParameters().get(name);
        return values == null ? List.of() : List.of(values);
    }
}
