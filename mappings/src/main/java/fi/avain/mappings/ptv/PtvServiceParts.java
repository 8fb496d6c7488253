package fi.avain.mappings.ptv;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.mappings.MappingException;
import fi.avain.mappings.model.ServiceClassUri;
import fi.avain.mappings.model.TargetGroup;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** The lists inside a PTV Service: classes, target groups, channels and organisations. */
final class PtvServiceParts {
    private static final List<String> ROLE_ORDER = List.of("Responsible", "Producer");
    private static final Pattern CODE = Pattern.compile("P\\d+(\\.\\d+)*");

    private PtvServiceParts() {
    }

    /**
     * The current code-list URI (newUri) where PTV gives one; else the one its code names, since PTV
     * still sends classes with only the older URN and a code; else that URN.
     */
    static List<ServiceClassUri> serviceClasses(JsonNode classes) {
        Set<ServiceClassUri> uris = new LinkedHashSet<>();
        for (JsonNode serviceClass : classes) {
            Optional<String> newUri = PtvFields.text(serviceClass, "newUri");
            Optional<String> code = PtvFields.text(serviceClass, "code").filter(c -> CODE.matcher(c).matches());
            if (newUri.isEmpty() && code.isPresent()) {
                uris.add(ServiceClassUri.ofCode(code.get()));
                continue;
            }
            uri(serviceClass).ifPresent(uri ->
                    uris.add(MappingException.parse("service.serviceClasses", uri, ServiceClassUri::parse)));
        }
        return List.copyOf(uris);
    }

    static List<TargetGroup> targetGroups(JsonNode groups) {
        List<TargetGroup> targetGroups = new ArrayList<>();
        for (JsonNode group : groups) {
            uri(group).ifPresent(uri -> targetGroups.add(new TargetGroup(
                    PtvFields.text(group, "code").orElse(null), uri, PtvFields.localized(group.path("name")))));
        }
        return targetGroups;
    }

    private static Optional<String> uri(JsonNode term) {
        return PtvFields.text(term, "newUri").or(() -> PtvFields.text(term, "uri"));
    }

    static List<UUID> channelIds(JsonNode connections) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (JsonNode connection : connections) {
            PtvFields.uuid(connection.path("serviceChannel").get("id"), "service.serviceChannels.id")
                    .ifPresent(ids::add);
        }
        return List.copyOf(ids);
    }

    /** Responsible organisations first, then producers, then any other role; each once. */
    static List<UUID> organizationIds(JsonNode organizations) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (String role : ROLE_ORDER) {
            addWithRole(organizations, role, true, ids);
        }
        addWithRole(organizations, null, false, ids);
        return List.copyOf(ids);
    }

    private static void addWithRole(JsonNode organizations, String role, boolean matching, Set<UUID> ids) {
        for (JsonNode entry : organizations) {
            String entryRole = entry.path("roleType").asText("");
            if (matching ? entryRole.equals(role) : !ROLE_ORDER.contains(entryRole)) {
                PtvFields.uuid(entry.path("organization").get("id"), "service.organizations.id")
                        .ifPresent(ids::add);
            }
        }
    }
}
