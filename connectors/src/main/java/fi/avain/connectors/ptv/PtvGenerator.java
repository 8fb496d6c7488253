package fi.avain.connectors.ptv;

import static fi.avain.connectors.ptv.PtvReferenceData.MUNICIPALITIES;
import static fi.avain.connectors.ptv.PtvReferenceData.SERVICE_CLASSES;
import static fi.avain.connectors.ptv.PtvReferenceData.WORDS;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.connectors.ptv.PtvReferenceData.Municipality;
import fi.avain.connectors.ptv.PtvReferenceData.ServiceClass;
import fi.avain.connectors.simulator.GeneratedValues;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The layout and facts of a generated PTV catalogue: one organisation per ten services, one or
 * two channels per service, and the awkward cases in fixed proportions (by index, so a test can
 * rely on them). Items are rendered on demand, so a catalogue of 100 000 services stays small.
 */
final class PtvGenerator {
    private static final long YEAR_MICROS = Duration.ofDays(365).toNanos() / 1000;
    private static final List<String> ORGANIZATION_TYPES = List.of("Municipality", "Company", "Organization");

    private final long seed;
    private final Instant baseTime;
    private final int services;
    private final int organizations;
    private final int[] firstChannel;
    private final int[] channelOwner;
    private final PtvItems items;

    PtvGenerator(int services, long seed, Instant baseTime) {
        this.seed = seed;
        this.baseTime = baseTime.truncatedTo(ChronoUnit.MICROS);
        this.services = services;
        this.organizations = Math.max(1, (services + 9) / 10);
        this.firstChannel = new int[services + 1];
        for (int i = 0; i < services; i++) {
            firstChannel[i + 1] = firstChannel[i] + (i % 3 == 2 ? 2 : 1);
        }
        this.channelOwner = new int[firstChannel[services]];
        for (int i = 0; i < services; i++) {
            for (int c = firstChannel[i]; c < firstChannel[i + 1]; c++) {
                channelOwner[c] = i;
            }
        }
        this.items = new PtvItems(this);
    }

    int count(PtvKind kind) {
        return switch (kind) {
            case Service -> services;
            case ServiceChannel -> channelOwner.length;
            case Organization -> organizations;
        };
    }

    String id(PtvKind kind, int index) {
        return GeneratedValues.uuid(seed, kind.ordinal(), index);
    }

    Instant modified(PtvKind kind, int index) {
        long micros = GeneratedValues.random(seed, kind.ordinal(), index).nextLong(YEAR_MICROS);
        return baseTime.minus(micros, ChronoUnit.MICROS);
    }

    String status(PtvKind kind, int index) {
        if (kind == PtvKind.Service && index % 40 == 7 || kind == PtvKind.ServiceChannel && index % 50 == 11) {
            return "Archived";
        }
        return kind == PtvKind.Service && index % 40 == 13 ? "Withdrawn" : "Published";
    }

    ObjectNode render(PtvKind kind, int index) {
        return switch (kind) {
            case Service -> items.service(index);
            case ServiceChannel -> items.channel(index);
            case Organization -> items.organization(index);
        };
    }

    String name(PtvKind kind, int index) {
        return switch (kind) {
            case Service -> preferredName(index);
            case ServiceChannel -> channelName(index);
            case Organization -> organizationName(index);
        };
    }

    // Facts of services.

    int organizationOf(int service) {
        return Math.min(service / 10, organizations - 1);
    }

    ServiceClass serviceClassOf(int service) {
        return SERVICE_CLASSES.get(service % SERVICE_CLASSES.size());
    }

    Municipality municipalityOfService(int service) {
        return municipalityOf(organizationOf(service));
    }

    /** Several languages incl. Northern Sámi every tenth; Swedish only every twentieth. */
    List<String> languagesOf(int service) {
        if (service % 20 == 9) {
            return List.of("sv");
        }
        if (service % 10 == 5) {
            return List.of("fi", "sv", "en", "se");
        }
        return service % 3 == 0 ? List.of("fi", "sv") : List.of("fi");
    }

    boolean hasNullDescriptions(int service) {
        return service % 10 == 3;
    }

    /** Publicly funded with a service voucher in use every fourth service. */
    boolean usesVoucher(int service) {
        return service % 4 == 0;
    }

    String serviceName(int service, String language) {
        ServiceClass serviceClass = serviceClassOf(service);
        Municipality municipality = municipalityOfService(service);
        return switch (language) {
            case "sv" -> serviceClass.serviceSv() + ", " + municipality.sv();
            case "en", "se" -> serviceClass.serviceEn() + ", " + municipality.fi();
            default -> serviceClass.serviceFi() + ", " + municipality.fi();
        };
    }

    int[] channelsOf(int service) {
        int[] channels = new int[firstChannel[service + 1] - firstChannel[service]];
        for (int c = 0; c < channels.length; c++) {
            channels[c] = firstChannel[service] + c;
        }
        return channels;
    }

    // Facts of channels.

    int serviceOfChannel(int channel) {
        return channelOwner[channel];
    }

    /** Mostly visiting addresses; every tenth channel pair is online or by phone. */
    String channelType(int channel) {
        return switch (channel % 10) {
            case 7, 8 -> "EChannel";
            case 9 -> "Phone";
            default -> "ServiceLocation";
        };
    }

    String channelName(int channel) {
        String service = preferredName(serviceOfChannel(channel));
        return switch (channelType(channel)) {
            case "EChannel" -> service + " – verkkoasiointi";
            case "Phone" -> service + " – puhelinpalvelu";
            default -> service + " – toimipiste";
        };
    }

    // Facts of organisations.

    Municipality municipalityOf(int organization) {
        return MUNICIPALITIES.get(organization % MUNICIPALITIES.size());
    }

    String organizationType(int organization) {
        return ORGANIZATION_TYPES.get(organization % ORGANIZATION_TYPES.size());
    }

    String businessId(int organization) {
        return GeneratedValues.businessId(GeneratedValues.random(seed, 7, organization).nextInt(10_000_000));
    }

    String organizationName(int organization) {
        Municipality municipality = municipalityOf(organization);
        String word = WORDS.get(organization % WORDS.size());
        int round = organization / MUNICIPALITIES.size();
        return switch (organizationType(organization)) {
            case "Municipality" -> round == 0 ? municipality.genitive() + " kaupunki"
                    : municipality.genitive() + " kaupungin palvelukeskus " + round;
            case "Company" -> word + " Hoiva " + (organization + 1) + " Oy";
            default -> "Hyvinvointiyhdistys " + word + " " + (organization + 1) + " ry";
        };
    }

    /** SOTE register style OID for public organisations and for every other association. */
    String oid(int organization) {
        String type = organizationType(organization);
        if (type.equals("Company") || type.equals("Organization") && organization % 2 == 0) {
            return null;
        }
        int digits = Integer.parseInt(businessId(organization).substring(0, 7));
        return "1.2.246.10." + (digits == 0 ? 1 : digits) + ".10.0";
    }

    private String preferredName(int service) {
        return serviceName(service, languagesOf(service).get(0));
    }
}
