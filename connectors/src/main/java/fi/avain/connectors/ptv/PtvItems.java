package fi.avain.connectors.ptv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.connectors.ptv.PtvReferenceData.Municipality;
import fi.avain.connectors.ptv.PtvReferenceData.ServiceClass;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Renders generated items as PTV v11 JSON, starting from the captured responses in this package's
 * resources (a Service and a ServiceLocation channel) so the shape stays the real one. No
 * Organization was captured; its shape follows PTV's v11 Organization model.
 */
final class PtvItems {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectNode SERVICE_TEMPLATE = template("etalukio_service.json");
    private static final ObjectNode CHANNEL_TEMPLATE = template("otava_service_channel.json");

    private final PtvGenerator g;

    PtvItems(PtvGenerator generator) {
        this.g = generator;
    }

    ObjectNode service(int i) {
        ObjectNode item = SERVICE_TEMPLATE.deepCopy();
        List<String> languages = g.languagesOf(i);
        item.put("id", g.id(PtvKind.Service, i));
        boolean company = g.organizationType(g.organizationOf(i)).equals("Company");
        boolean voucher = g.usesVoucher(i);
        item.put("fundingType", company && !voucher ? "MarketFunded" : "PubliclyFunded");
        item.put("serviceChargeType", company ? "Chargeable" : "FreeOfCharge");
        ArrayNode names = item.putArray("serviceNames");
        languages.forEach(language -> names.add(text(language, g.serviceName(i, language)).put("type", "Name")));
        item.put("areaType", "LimitedType");
        item.putArray("areas").add(area(g.municipalityOfService(i)));
        item.set("serviceDescriptions", descriptions(languages, g.hasNullDescriptions(i), g.serviceName(i, languages.get(0))));
        ArrayNode languageList = item.putArray("languages");
        languages.forEach(languageList::add);
        item.set("serviceClasses", serviceClasses(g.serviceClassOf(i)));
        item.putArray("keywords");
        item.putArray("requirements");
        item.putArray("serviceCollections");
        item.set("serviceChannels", channelLinks(i));
        item.set("organizations", organizationLinks(g.organizationOf(i)));
        item.put("serviceVouchersInUse", voucher);
        ArrayNode vouchers = item.putArray("serviceVouchers");
        if (voucher) {
            vouchers.add(text("fi", "Palveluseteli").put("url", "https://www.palveluseteli.fi/")
                    .put("additionalInformation", "Palvelusetelin arvo määräytyy tulojen mukaan."));
        }
        return withState(item, PtvKind.Service, i);
    }

    ObjectNode channel(int c) {
        ObjectNode item = CHANNEL_TEMPLATE.deepCopy();
        int service = g.serviceOfChannel(c);
        int organization = g.organizationOf(service);
        Municipality municipality = g.municipalityOf(organization);
        String type = g.channelType(c);
        item.put("id", g.id(PtvKind.ServiceChannel, c));
        item.put("serviceChannelType", type);
        item.put("organizationId", g.id(PtvKind.Organization, organization));
        item.putArray("serviceChannelNames").add(text("fi", g.channelName(c)).put("type", "Name"));
        item.set("serviceChannelDescriptions", descriptions(List.of("fi"), false, g.channelName(c)));
        item.putArray("areas").add(area(municipality));
        item.putArray("emails").add(text("fi", "asiointi" + (organization + 1) + "@example.fi"));
        item.putArray("webPages").add(text("fi", "Verkkosivut").put("url", "https://example.fi/palvelut/" + (c + 1)));
        ArrayNode services = item.putArray("services");
        services.add(NODES.objectNode().<ObjectNode>set("service", NODES.objectNode()
                        .put("id", g.id(PtvKind.Service, service)).put("name", g.name(PtvKind.Service, service)))
                .put("modified", PtvTime.modified(g.modified(PtvKind.Service, service))));
        if (type.equals("ServiceLocation")) {
            item.set("addresses", addresses(c, municipality));
        } else {
            item.putArray("addresses");
            item.putArray("serviceHours");
            item.put("areaType", "Nationwide");
            item.putArray("areas");
        }
        return withState(item, PtvKind.ServiceChannel, c);
    }

    ObjectNode organization(int o) {
        Municipality municipality = g.municipalityOf(o);
        String name = g.organizationName(o);
        ObjectNode item = NODES.objectNode();
        item.put("id", g.id(PtvKind.Organization, o));
        item.putNull("parentOrganizationId");
        item.put("organizationType", g.organizationType(o));
        item.put("businessCode", g.businessId(o));
        item.put("businessName", name);
        item.putArray("organizationNames").add(text("fi", name).put("type", "Name"));
        item.putArray("displayNameType").add(NODES.objectNode().put("type", "Name").put("language", "fi"));
        item.putArray("organizationDescriptions").add(text("fi", name + " tuottaa sosiaali- ja terveyspalveluja.")
                .put("type", "Description"));
        item.set("municipality", municipality(municipality));
        item.putArray("emails").add(text("fi", "kirjaamo" + (o + 1) + "@example.fi"));
        item.putArray("phoneNumbers").add(phone(o));
        item.putArray("webPages").add(text("fi", "Kotisivu").put("url", "https://example.fi/org/" + (o + 1)));
        item.set("addresses", addresses(o, municipality));
        item.put("oid", g.oid(o));
        return withState(item, PtvKind.Organization, o);
    }

    private ObjectNode withState(ObjectNode item, PtvKind kind, int index) {
        item.put("publishingStatus", g.status(kind, index));
        item.put("modified", PtvTime.modified(g.modified(kind, index)));
        return item;
    }

    private ArrayNode descriptions(List<String> languages, boolean nulls, String name) {
        ArrayNode descriptions = NODES.arrayNode();
        for (String language : languages) {
            String summary = nulls ? null : name;
            String description = nulls ? null : name + ": palvelu on tarkoitettu asiakkaille, joilla on tuen tarve.";
            descriptions.add(text(language, summary).put("type", "Summary"));
            descriptions.add(text(language, description).put("type", "Description"));
        }
        return descriptions;
    }

    private ArrayNode serviceClasses(ServiceClass serviceClass) {
        return NODES.arrayNode()
                .add(serviceClass(serviceClass.code(), serviceClass.fi(), serviceClass.sv(), serviceClass.en(),
                        serviceClass.parentCode()))
                .add(serviceClass(serviceClass.parentCode(), serviceClass.parentFi(), serviceClass.parentSv(),
                        serviceClass.parentEn(), null));
    }

    private ObjectNode serviceClass(String code, String fi, String sv, String en, String parentCode) {
        ObjectNode node = NODES.objectNode();
        node.putArray("name").add(value("sv", sv)).add(value("en", en)).add(value("fi", fi));
        node.putArray("description").add(value("fi", fi + "."));
        node.put("code", code);
        node.put("ontologyType", "ptvserclass");
        node.putNull("uri");
        node.putNull("parentId");
        node.putNull("parentUri");
        node.put("newUri", "http://uri.suomi.fi/codelist/ptv/ptvserclass/code/" + code);
        node.put("newParentUri", parentCode == null ? null : "http://uri.suomi.fi/codelist/ptv/ptvserclass/code/" + parentCode);
        return node;
    }

    private ArrayNode channelLinks(int service) {
        ArrayNode links = NODES.arrayNode();
        for (int c : g.channelsOf(service)) {
            ObjectNode link = links.addObject();
            link.putObject("serviceChannel").put("id", g.id(PtvKind.ServiceChannel, c)).put("name", g.channelName(c));
            link.putNull("serviceChargeType");
            link.putArray("description");
            link.putArray("extraTypes");
            link.putArray("serviceHours");
            link.putNull("contactDetails");
            link.putArray("digitalAuthorizations");
            link.put("modified", PtvTime.modified(g.modified(PtvKind.ServiceChannel, c)));
        }
        return links;
    }

    private ArrayNode organizationLinks(int organization) {
        ArrayNode links = NODES.arrayNode();
        for (String role : List.of("Responsible", "Producer")) {
            ObjectNode link = links.addObject();
            link.putObject("organization").put("id", g.id(PtvKind.Organization, organization))
                    .put("name", g.organizationName(organization));
            link.put("roleType", role);
            link.put("provisionType", role.equals("Producer") ? "SelfProducedServices" : null);
            link.putArray("additionalInformation");
        }
        return links;
    }

    private ObjectNode area(Municipality municipality) {
        ObjectNode area = NODES.objectNode().put("type", "Municipality");
        area.putNull("code");
        area.putNull("name");
        area.putArray("municipalities").add(municipality(municipality));
        return area;
    }

    private ArrayNode addresses(int index, Municipality municipality) {
        ObjectNode address = NODES.objectNode().put("type", "Location").put("subType", "Single");
        address.putNull("postOfficeBoxAddress");
        ObjectNode street = address.putObject("streetAddress");
        street.putArray("street").add(value("fi", municipality.street()));
        street.put("streetNumber", String.valueOf(1 + index % 40));
        street.put("postalCode", municipality.postalCode());
        street.putArray("postOffice").add(value("fi", municipality.fi().toUpperCase(java.util.Locale.ROOT)));
        street.set("municipality", municipality(municipality));
        street.putArray("additionalInformation");
        street.put("latitude", String.valueOf(6_700_000 + index % 90_000));
        street.put("longitude", String.valueOf(380_000 + index % 60_000));
        street.put("coordinateState", "EnteredByUser");
        address.putNull("otherAddress");
        address.putNull("locationAbroad");
        address.putArray("entrances");
        address.put("country", "FI");
        return NODES.arrayNode().add(address);
    }

    private ObjectNode municipality(Municipality municipality) {
        ObjectNode node = NODES.objectNode().put("code", municipality.code());
        ArrayNode names = node.putArray("name").add(value("fi", municipality.fi())).add(value("sv", municipality.sv()));
        if (municipality.se() != null) {
            names.add(value("se", municipality.se()));
        }
        return node;
    }

    private ObjectNode phone(int index) {
        ObjectNode phone = NODES.objectNode().put("type", "Phone");
        phone.putNull("additionalInformation");
        phone.put("serviceChargeType", "Chargeable");
        phone.putNull("chargeDescription");
        phone.put("prefixNumber", "+358");
        phone.put("isFinnishServiceNumber", false);
        phone.put("number", String.valueOf(401_000_000 + index));
        phone.put("language", "fi");
        return phone;
    }

    private static ObjectNode text(String language, String value) {
        return NODES.objectNode().put("language", language).put("value", value);
    }

    private static ObjectNode value(String language, String value) {
        return NODES.objectNode().put("value", value).put("language", language);
    }

    private static ObjectNode template(String resource) {
        try (InputStream in = PtvItems.class.getResourceAsStream(resource)) {
            JsonNode node = JSON.readTree(in);
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the PTV template " + resource, e);
        }
    }
}
