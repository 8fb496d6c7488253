package fi.avain.mappings.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Account;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.hl7.fhir.r4.model.UriType;

/**
 * The fields of one CarePlan, read into plan JSON. Each field's FHIR path is kept by its JSON path,
 * so that a rule the plan mapper checks later is reported on the element it came from.
 */
final class CarePlanFields {
    private static final String ROOT = "CarePlan";
    /** As many lines as a JSON plan may have; checked before reading any, to bound the work. */
    private static final int MAX_LINES = 200;

    private final CarePlan plan;
    private final Map<String, String> paths;
    private final ObjectNode json;

    CarePlanFields(CarePlan plan, Map<String, String> paths, ObjectNode json) {
        this.plan = plan;
        this.paths = paths;
        this.json = json;
    }

    ObjectNode read() {
        json.put("planId", identifier(plan.getIdentifier(), FhirNames.PLAN_ID, ROOT + ".identifier", "planId"));
        json.put("tenant", text(plan.getExtension(), FhirNames.TENANT, "tenant", "valueString"));
        client();
        json.put("clientGroup", clientGroup());
        json.put("cohort", text(plan.getExtension(), FhirNames.COHORT, "cohort", "valueCode"));
        if (!plan.hasPeriod()) {
            throw new FhirMappingException(ROOT + ".period", "is required");
        }
        period(plan.getPeriod(), ROOT + ".period", "period", json);
        lines();
        return json;
    }

    private void client() {
        int index = contained(plan.getSubject(), ROOT + ".subject");
        String path = ROOT + ".contained[" + index + "]";
        if (!(plan.getContained().get(index) instanceof Patient patient)) {
            throw new FhirMappingException(path, "must be a Patient");
        }
        ObjectNode client = json.putObject("client");
        client.put("identityCode", identifier(patient.getIdentifier(), FhirNames.PERSONAL_IDENTITY_CODE,
                path + ".identifier", "client.identityCode"));
        Extension home = single(patient.getExtension(), FhirNames.MUNICIPALITY, path, false);
        if (home != null) {
            String homePath = extensionPath(path, FhirNames.MUNICIPALITY);
            Coding coding = value(home, Coding.class, homePath, "valueCoding");
            if (!FhirNames.MUNICIPALITY_CODES.equals(coding.getSystem())) {
                throw new FhirMappingException(homePath + ".valueCoding.system", "must be " + FhirNames.MUNICIPALITY_CODES);
            }
            paths.put("client.homeMunicipality", homePath + ".valueCoding.code");
            client.put("homeMunicipality", required(coding.getCode(), homePath + ".valueCoding.code"));
        }
    }

    private String clientGroup() {
        List<CodeableConcept> categories = plan.getCategory();
        for (int i = 0; i < categories.size(); i++) {
            List<Coding> codings = categories.get(i).getCoding();
            for (int j = 0; j < codings.size(); j++) {
                if (FhirNames.CLIENT_GROUP.equals(codings.get(j).getSystem())) {
                    String path = ROOT + ".category[" + i + "].coding[" + j + "].code";
                    paths.put("clientGroup", path);
                    return required(codings.get(j).getCode(), path);
                }
            }
        }
        throw new FhirMappingException(ROOT + ".category", "must include a coding of " + FhirNames.CLIENT_GROUP);
    }

    private void lines() {
        List<CarePlan.CarePlanActivityComponent> activities = plan.getActivity();
        if (activities.isEmpty()) {
            throw new FhirMappingException(ROOT + ".activity", "must list the budget lines, at least one");
        }
        if (activities.size() > MAX_LINES) {
            throw new FhirMappingException(ROOT + ".activity", "must list at most " + MAX_LINES + " budget lines");
        }
        paths.put("lines", ROOT + ".activity");
        ArrayNode lines = json.putArray("lines");
        for (int i = 0; i < activities.size(); i++) {
            String activity = ROOT + ".activity[" + i + "].detail";
            if (!activities.get(i).hasDetail()) {
                throw new FhirMappingException(activity, "is required");
            }
            Extension lineReference = single(activities.get(i).getDetail().getExtension(), FhirNames.BUDGET_LINE,
                    activity, true);
            String referencePath = extensionPath(activity, FhirNames.BUDGET_LINE);
            int index = contained(value(lineReference, Reference.class, referencePath, "valueReference"),
                    referencePath + ".valueReference");
            String path = ROOT + ".contained[" + index + "]";
            if (!(plan.getContained().get(index) instanceof Account account)) {
                throw new FhirMappingException(path, "must be an Account");
            }
            line(account, path, "lines[" + i + "]", lines.addObject());
        }
    }

    private void line(Account account, String path, String field, ObjectNode line) {
        paths.put(field, path);
        line.put("code", identifier(account.getIdentifier(), FhirNames.LINE_CODE, path + ".identifier", field + ".code"));
        paths.put(field + ".category", path + ".name");
        if (account.hasName()) {
            line.put("category", account.getName());
        }
        Extension amounts = single(account.getExtension(), FhirNames.AMOUNTS, path, true);
        String amountsPath = extensionPath(path, FhirNames.AMOUNTS);
        Extension allocated = single(amounts.getExtension(), FhirNames.ALLOCATED, amountsPath, true);
        line.put("allocated", money(allocated, amountsPath + ".extension[" + FhirNames.ALLOCATED + "]",
                field + ".allocated"));
        if (account.hasServicePeriod()) {
            period(account.getServicePeriod(), path + ".servicePeriod", field + ".period", line);
        }
        codes(account, path, FhirNames.SERVICE_CLASS, UriType.class, "valueUri", field + ".serviceClasses", line);
        codes(account, path, FhirNames.MERCHANT_CATEGORY, StringType.class, "valueCode",
                field + ".merchantCategoryCodes", line);
        codes(account, path, FhirNames.CHANNEL, StringType.class, "valueCode", field + ".channels", line);
        limit(account, path, FhirNames.PER_TRANSACTION_LIMIT, field + ".perTransactionLimit", line);
        limit(account, path, FhirNames.PER_DAY_LIMIT, field + ".perDayLimit", line);
        Extension share = single(account.getExtension(), FhirNames.CLIENT_SHARE_CHARGED, path, false);
        paths.put(field + ".clientShareCharged", extensionPath(path, FhirNames.CLIENT_SHARE_CHARGED));
        if (share != null) {
            BooleanType charged = value(share, BooleanType.class, paths.get(field + ".clientShareCharged"),
                    "valueBoolean");
            line.put("clientShareCharged", charged.booleanValue());
        }
    }

    /** Every extension of {@code url} on the account, each value a string of {@code type}, as a JSON array. */
    private <T extends Type> void codes(Account account, String path, String url, Class<T> type, String name,
                                        String field, ObjectNode line) {
        String extensionPath = extensionPath(path, url);
        paths.put(field, extensionPath);
        List<Extension> extensions = account.getExtensionsByUrl(url);
        if (extensions.isEmpty()) {
            return;
        }
        ArrayNode values = line.putArray(field.substring(field.lastIndexOf('.') + 1));
        for (Extension extension : extensions) {
            T value = value(extension, type, extensionPath, name);
            values.add(required(value.primitiveValue(), extensionPath + "." + name));
        }
    }

    private void limit(Account account, String path, String url, String field, ObjectNode line) {
        Extension limit = single(account.getExtension(), url, path, false);
        if (limit != null) {
            line.put(field.substring(field.lastIndexOf('.') + 1), money(limit, extensionPath(path, url), field));
        }
    }

    /** Euros as the plan JSON writes them; the plan mapper checks decimals and sign. */
    private String money(Extension extension, String path, String field) {
        Money money = value(extension, Money.class, path, "valueMoney");
        String moneyPath = path + ".valueMoney";
        if (!FhirTypes.EUR.equals(money.getCurrency())) {
            throw new FhirMappingException(moneyPath + ".currency", "must be " + FhirTypes.EUR);
        }
        if (!money.hasValue()) {
            throw new FhirMappingException(moneyPath + ".value", "is required");
        }
        paths.put(field, moneyPath + ".value");
        return money.getValue().toPlainString();
    }

    private void period(Period period, String path, String field, ObjectNode parent) {
        paths.put(field, path);
        ObjectNode node = parent.putObject("period");
        node.put("start", date(period.getStartElement(), path + ".start", field + ".start"));
        node.put("end", date(period.getEndElement(), path + ".end", field + ".end"));
    }

    private String date(DateTimeType date, String path, String field) {
        if (date == null || !date.hasValue()) {
            throw new FhirMappingException(path, "is required");
        }
        if (date.getPrecision() != TemporalPrecisionEnum.DAY) {
            throw new FhirMappingException(path, "must be a date YYYY-MM-DD");
        }
        paths.put(field, path);
        return date.getValueAsString();
    }

    /** The value of the one identifier of {@code system}. */
    private String identifier(List<Identifier> identifiers, String system, String path, String field) {
        int found = -1;
        for (int i = 0; i < identifiers.size(); i++) {
            if (system.equals(identifiers.get(i).getSystem())) {
                if (found >= 0) {
                    throw new FhirMappingException(path, "must include only one with system " + system);
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new FhirMappingException(path, "must include one with system " + system);
        }
        String valuePath = path + "[" + found + "].value";
        paths.put(field, valuePath);
        return required(identifiers.get(found).getValue(), valuePath);
    }

    /** The value of a string-valued extension of the CarePlan that must be there once. */
    private String text(List<Extension> extensions, String url, String field, String name) {
        String extensionPath = extensionPath(ROOT, url);
        paths.put(field, extensionPath);
        StringType value = value(single(extensions, url, ROOT, true), StringType.class, extensionPath, name);
        return required(value.getValue(), extensionPath + "." + name);
    }

    private Extension single(List<Extension> extensions, String url, String path, boolean required) {
        List<Extension> found = extensions.stream().filter(e -> url.equals(e.getUrl())).toList();
        if (found.size() > 1) {
            throw new FhirMappingException(extensionPath(path, url), "must not repeat");
        }
        if (found.isEmpty() && required) {
            throw new FhirMappingException(extensionPath(path, url), "is required");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private static <T extends Type> T value(Extension extension, Class<T> type, String path, String name) {
        if (!type.isInstance(extension.getValue())) {
            throw new FhirMappingException(path, "must have a " + name);
        }
        return type.cast(extension.getValue());
    }

    /** The index of the contained resource a reference points to ({@code #id}). */
    private int contained(Reference reference, String path) {
        String id = reference.getReference();
        if (id == null && reference.getResource() instanceof Resource resource) {
            id = "#" + resource.getIdElement().getIdPart();
        }
        if (id != null && id.startsWith("#")) {
            List<Resource> contained = plan.getContained();
            for (int i = 0; i < contained.size(); i++) {
                if (id.substring(1).equals(idOf(contained.get(i)))) {
                    return i;
                }
            }
        }
        throw new FhirMappingException(path, "must reference a contained resource (#id)");
    }

    private static String idOf(Resource resource) {
        String id = resource.getIdElement().getIdPart();
        return id != null && id.startsWith("#") ? id.substring(1) : id;
    }

    private static String required(String value, String path) {
        if (value == null || value.isBlank()) {
            throw new FhirMappingException(path, "is required");
        }
        return value;
    }

    /** {@code path.extension[name]}, the name being the last part of the extension's URL. */
    private static String extensionPath(String path, String url) {
        return path + ".extension[" + url.substring(url.lastIndexOf('/') + 1) + "]";
    }
}
