package fi.avain.mappings.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A way to get a service: a service location, an e-service, a phone line, a web page or a form. */
public record ServiceChannel(
        UUID id,
        SourceRef source,
        ChannelType type,
        Optional<UUID> organizationId,
        LocalizedText name,
        LocalizedText description,
        Optional<Location> location,
        List<Phone> phones,
        List<String> emails,
        List<String> urls,
        List<OpeningHours> openingHours,
        List<MunicipalityCode> areaMunicipalities,
        List<String> languages,
        PublicationStatus status,
        Instant modified) {
    public ServiceChannel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(location, "location");
        phones = List.copyOf(phones);
        emails = List.copyOf(emails);
        urls = List.copyOf(urls);
        openingHours = List.copyOf(openingHours);
        areaMunicipalities = List.copyOf(areaMunicipalities);
        languages = List.copyOf(languages);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(modified, "modified");
    }
}
