package fi.avain.mappings.hsds;

import static fi.avain.mappings.hsds.HsdsNodes.NODES;
import static fi.avain.mappings.hsds.HsdsNodes.put;
import static fi.avain.mappings.hsds.HsdsNodes.putArray;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.mappings.model.Address;
import fi.avain.mappings.model.ChannelType;
import fi.avain.mappings.model.FundingMode;
import fi.avain.mappings.model.Location;
import fi.avain.mappings.model.MunicipalityCode;
import fi.avain.mappings.model.Provider;
import fi.avain.mappings.model.ServiceChannel;
import fi.avain.mappings.model.ServiceOffering;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The canonical model as Open Referral HSDS 3.0 objects for the marketplace. Pure: the same input
 * gives the same output, nested ids are name-based UUIDs of their parent's id and their role.
 * Where HSDS holds one language, the preferred one is written (Finnish, then Swedish, English, Sámi).
 */
public final class HsdsMapper {

    public HsdsMapper() {
    }

    public ObjectNode organization(Provider p) {
        ObjectNode node = HsdsNodes.object(p.id());
        String name = p.name().preferred().orElseThrow();
        node.put("name", name);
        // HSDS requires a description; PTV does not, so the name stands in for a missing one.
        node.put("description", p.description().preferred().orElse(name));
        put(node, "email", HsdsNodes.firstEmail(p.emails()));
        put(node, "website", HsdsNodes.firstWebUrl(p.urls()));
        putArray(node, "phones", HsdsNodes.phones(p.id(), "organization_id", p.phones()));
        putArray(node, "organization_identifiers", identifiers(p));
        HsdsAttributes attributes = new HsdsAttributes(p.id(), "organization");
        p.qualityIndicators().forEach(attributes::qualityIndicator);
        putArray(node, "attributes", attributes.feedbackScore(p.feedbackScore()).array());
        return node;
    }

    private static ArrayNode identifiers(Provider p) {
        ArrayNode array = NODES.arrayNode();
        p.businessId().ifPresent(id -> array.add(identifier(p.id(), 0, "Y-tunnus", id.value())));
        p.oid().ifPresent(oid -> array.add(identifier(p.id(), 1, "OID", oid.value())));
        return array;
    }

    private static ObjectNode identifier(UUID organizationId, int index, String type, String value) {
        ObjectNode node = HsdsNodes.child(organizationId, "organization_identifier", index, "organization_id");
        node.put("identifier_type", type);
        node.put("identifier", value);
        return node;
    }

    /** Status is "active" for a published service; the sync deletes the others downstream. */
    public ObjectNode service(ServiceOffering s) {
        ObjectNode node = HsdsNodes.object(s.id());
        s.providerIds().stream().findFirst().ifPresent(id -> node.put("organization_id", id.toString()));
        node.put("name", s.name().preferred().orElseThrow());
        put(node, "description", s.description().preferred().or(() -> s.summary().preferred()));
        node.put("status", s.status().removed() ? "inactive" : "active");
        put(node, "eligibility_description", s.eligibility());
        node.put("last_modified", s.modified().toString());
        putArray(node, "languages", HsdsNodes.languages(s.id(), "service_id", s.languages()));
        putArray(node, "cost_options", costOptions(s));
        putArray(node, "funding", funding(s));
        putArray(node, "service_areas", serviceAreas(s));
        putArray(node, "attributes", serviceAttributes(s));
        return node;
    }

    private static ArrayNode costOptions(ServiceOffering s) {
        ArrayNode array = NODES.arrayNode();
        s.price().ifPresent(price -> array.add(HsdsNodes.child(s.id(), "cost_option", 0, "service_id")
                .put("currency", "EUR")
                .put("amount", price.euros())));
        return array;
    }

    private static ArrayNode funding(ServiceOffering s) {
        ArrayNode array = NODES.arrayNode();
        for (FundingMode mode : s.fundingModes()) {
            array.add(HsdsNodes.child(s.id(), "funding", mode.ordinal(), "service_id")
                    .put("source", fundingSource(mode)));
        }
        return array;
    }

    /** The funding mode as the comparison catalogue names it: public, voucher, personal_budget... */
    static String fundingSource(FundingMode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }

    private static ArrayNode serviceAreas(ServiceOffering s) {
        ArrayNode array = NODES.arrayNode();
        if (s.nationwide()) {
            array.add(HsdsNodes.child(s.id(), "service_area", 0, "service_id")
                    .put("name", "Suomi")
                    .put("description", "Nationwide"));
            return array;
        }
        List<MunicipalityCode> codes = s.areaMunicipalities();
        for (int i = 0; i < codes.size(); i++) {
            array.add(HsdsNodes.child(s.id(), "service_area", i, "service_id")
                    .put("name", codes.get(i).value())
                    .put("description", "Municipality " + codes.get(i).value()
                            + " in Statistics Finland's classification"));
        }
        return array;
    }

    private static ArrayNode serviceAttributes(ServiceOffering s) {
        HsdsAttributes attributes = new HsdsAttributes(s.id(), "service");
        s.serviceClasses().forEach(attributes::serviceClass);
        s.targetGroups().forEach(attributes::targetGroup);
        s.fundingModes().forEach(attributes::fundingMode);
        s.qualityIndicators().forEach(attributes::qualityIndicator);
        return attributes.feedbackScore(s.feedbackScore()).array();
    }

    /** A service location channel as an HSDS location with the channel's id. */
    public ObjectNode location(ServiceChannel c) {
        if (c.type() != ChannelType.SERVICE_LOCATION) {
            throw new IllegalArgumentException("only a service location channel is an HSDS location, not " + c.type());
        }
        ObjectNode node = HsdsNodes.object(c.id());
        node.put("location_type", "physical");
        c.organizationId().ifPresent(id -> node.put("organization_id", id.toString()));
        put(node, "name", c.name());
        put(node, "description", c.description());
        c.location().ifPresent(location -> coordinates(location, node));
        putArray(node, "languages", HsdsNodes.languages(c.id(), "location_id", c.languages()));
        putArray(node, "addresses", addresses(c));
        putArray(node, "phones", HsdsNodes.phones(c.id(), "location_id", c.phones()));
        putArray(node, "schedules", HsdsSchedules.of(c.id(), c.openingHours()));
        return node;
    }

    private static void coordinates(Location location, ObjectNode node) {
        if (location.northing().isEmpty() || location.easting().isEmpty()) {
            return;
        }
        try {
            double[] wgs84 = EtrsTm35Fin.toWgs84(Double.parseDouble(location.northing().get()),
                    Double.parseDouble(location.easting().get()));
            node.put("latitude", round(wgs84[0]));
            node.put("longitude", round(wgs84[1]));
        } catch (NumberFormatException e) {
            // An unreadable coordinate leaves the location without one; the address still places it.
        }
    }

    /** Six decimals is about 0.1 m, finer than PTV's whole-metre coordinates. */
    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }

    private static ArrayNode addresses(ServiceChannel c) {
        ArrayNode array = NODES.arrayNode();
        List<Address> addresses = c.location().map(Location::addresses).orElse(List.of());
        for (int i = 0; i < addresses.size(); i++) {
            address(c.id(), i, addresses.get(i)).ifPresent(array::add);
        }
        return array;
    }

    /**
     * HSDS requires street, city, state or province, postal code and country. Finland has no
     * states; the post office town fills state_province. An address lacking the rest is left out.
     */
    private static Optional<ObjectNode> address(UUID locationId, int index, Address a) {
        Optional<String> street = a.street().preferred();
        Optional<String> city = a.postOffice().preferred();
        if (street.isEmpty() || city.isEmpty() || a.postalCode() == null) {
            return Optional.empty();
        }
        ObjectNode node = HsdsNodes.child(locationId, "address", index, "location_id");
        node.put("address_1", a.streetNumber() == null ? street.get() : street.get() + " " + a.streetNumber());
        node.put("city", city.get());
        node.put("state_province", city.get());
        node.put("postal_code", a.postalCode());
        node.put("country", a.country() == null ? "FI" : a.country());
        node.put("address_type", "physical");
        return Optional.of(node);
    }

    public ObjectNode serviceAtLocation(UUID serviceId, UUID locationId) {
        ObjectNode node = HsdsNodes.object(serviceAtLocationId(serviceId, locationId));
        node.put("service_id", serviceId.toString());
        node.put("location_id", locationId.toString());
        return node;
    }

    public static UUID serviceAtLocationId(UUID serviceId, UUID locationId) {
        return HsdsIds.name("service_at_location/" + serviceId + "/" + locationId);
    }
}
