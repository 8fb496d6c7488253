package fi.avain.routes.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.mappings.model.FundingMode;
import fi.avain.mappings.model.MunicipalityCode;
import fi.avain.routes.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Avain's copy of the catalogue, read-only, as the HSDS 3.0 API serves it: pages carry
 * {@code total_items}, {@code total_pages}, {@code page_number}, {@code size}, {@code first_page},
 * {@code last_page}, {@code empty} and {@code contents}.
 */
@RestController
@RequestMapping("/api/v1/hsds")
class HsdsController {
    private static final int MAX_PER_PAGE = 500;

    private final HsdsQueries queries;
    private final ObjectMapper json;

    HsdsController(HsdsQueries queries, ObjectMapper json) {
        this.queries = queries;
        this.json = json;
    }

    @GetMapping("/services")
    ObjectNode services(@RequestParam(defaultValue = "1") String page,
            @RequestParam(name = "per_page", defaultValue = "50") String perPage,
            @RequestParam(required = false) String municipality,
            @RequestParam(name = "service_class", required = false) String serviceClass,
            @RequestParam(name = "funding_mode", required = false) String fundingMode,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String search) {
        return page(HsdsType.SERVICE, page, perPage, municipality, serviceClass, fundingMode, text != null ? text : search);
    }

    @GetMapping("/services/{id}")
    JsonNode service(@PathVariable String id) {
        return one(HsdsType.SERVICE, id);
    }

    @GetMapping("/organizations")
    ObjectNode organizations(@RequestParam(defaultValue = "1") String page,
            @RequestParam(name = "per_page", defaultValue = "50") String perPage,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String search,
            HttpServletRequest request) {
        // An organization has no area, class or funding of its own (its services do): a filter that
        // would be ignored is refused, so that no one reads every organization as the matching ones.
        for (String serviceFilter : List.of("municipality", "service_class", "funding_mode")) {
            if (request.getParameterMap().containsKey(serviceFilter)) {
                throw Problems.badRequest("Invalid " + serviceFilter, "Organizations are filtered by text only; "
                        + serviceFilter + " filters /services.");
            }
        }
        return page(HsdsType.ORGANIZATION, page, perPage, null, null, null, text != null ? text : search);
    }

    @GetMapping("/organizations/{id}")
    JsonNode organization(@PathVariable String id) {
        return one(HsdsType.ORGANIZATION, id);
    }

    @GetMapping("/locations/{id}")
    JsonNode location(@PathVariable String id) {
        return one(HsdsType.LOCATION, id);
    }

    private ObjectNode page(HsdsType type, String pageText, String perPageText, String municipality,
            String serviceClass, String fundingMode, String text) {
        int page = positive("page", pageText, Integer.MAX_VALUE);
        int perPage = positive("per_page", perPageText, MAX_PER_PAGE);
        HsdsQueries.Filter filter = new HsdsQueries.Filter(
                blankToNull(municipality) == null ? null : municipality(municipality),
                blankToNull(serviceClass) == null ? null : serviceClass(serviceClass),
                blankToNull(fundingMode) == null ? null : fundingMode(fundingMode),
                blankToNull(text) == null ? null : text.strip());
        HsdsQueries.Page result = queries.page(type, filter, page, perPage);
        long totalPages = (result.totalItems() + perPage - 1) / perPage;
        ObjectNode body = json.createObjectNode();
        body.put("total_items", result.totalItems());
        body.put("total_pages", totalPages);
        body.put("page_number", page);
        body.put("size", result.bodies().size());
        body.put("first_page", page == 1);
        body.put("last_page", page >= totalPages);
        body.put("empty", result.bodies().isEmpty());
        ArrayNode contents = body.putArray("contents");
        result.bodies().forEach(b -> contents.add(read(b)));
        return body;
    }

    private JsonNode one(HsdsType type, String idText) {
        UUID id;
        try {
            id = UUID.fromString(idText);
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("Invalid id", "The id must be a UUID.");
        }
        return queries.body(type, id).map(this::read).orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND,
                "Not found", "No " + type.column() + " with id " + id + " in the catalogue."));
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored HSDS object is not JSON", e);
        }
    }

    private static int positive(String name, String text, int max) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Problems.badRequest("Invalid " + name, name + " must be a whole number from 1 to " + max + ".");
    }

    private static String municipality(String text) {
        try {
            return MunicipalityCode.parse(text).value();
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("Invalid municipality", "municipality must be a three-digit municipality code.");
        }
    }

    private static String serviceClass(String text) {
        String code = text.strip();
        int slash = code.lastIndexOf('/');
        code = slash >= 0 ? code.substring(slash + 1) : code;
        if (!code.matches("P\\d+(\\.\\d+)*")) {
            throw Problems.badRequest("Invalid service_class", "service_class must be a PTV service class code such as P4.1, or its URI.");
        }
        return code;
    }

    private static String fundingMode(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        boolean known = Arrays.stream(FundingMode.values()).anyMatch(m -> m.name().toLowerCase(Locale.ROOT).equals(value));
        if (!known) {
            throw Problems.badRequest("Invalid funding_mode",
                    "funding_mode must be one of public, voucher, personal_budget, self_paid, free.");
        }
        return value;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
