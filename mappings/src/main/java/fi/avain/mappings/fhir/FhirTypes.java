package fi.avain.mappings.fhir;

import fi.avain.mappings.model.ServiceClassUri;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;

/** The FHIR data types the resources share, built one way everywhere. */
final class FhirTypes {
    static final String EUR = "EUR";
    private static final String SERVICE_CLASS_CODE = "/code/";
    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    private FhirTypes() {
    }

    /** Euros with both decimals ({@code 6000.00}), so a portal shows what the ledger holds. */
    static Money money(long cents) {
        return new Money().setValue(BigDecimal.valueOf(cents, 2)).setCurrency(EUR);
    }

    /** The {@link FhirNames#AMOUNTS} extension: allocated, held, spent, available, each left out when null. */
    static Extension amounts(Long allocated, long held, long spent, Long available) {
        Extension amounts = new Extension(FhirNames.AMOUNTS);
        if (allocated != null) {
            amounts.addExtension(FhirNames.ALLOCATED, money(allocated));
        }
        amounts.addExtension(FhirNames.HELD, money(held));
        amounts.addExtension(FhirNames.SPENT, money(spent));
        if (available != null) {
            amounts.addExtension(FhirNames.AVAILABLE, money(available));
        }
        return amounts;
    }

    /** In UTC, to the millisecond; the same instant encodes the same on every machine. */
    static InstantType instant(Instant at) {
        return new InstantType(text(at));
    }

    static DateTimeType dateTime(Instant at) {
        return new DateTimeType(text(at));
    }

    /** An instant as {@link #instant} and {@link #dateTime} write it. */
    static String text(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** Whole days; FHIR reads a day-precision end as the whole day, as the ledger does. */
    static Period period(LocalDate start, LocalDate end) {
        Period period = new Period().setStartElement(new DateTimeType(start.toString()));
        if (end != null) {
            period.setEndElement(new DateTimeType(end.toString()));
        }
        return period;
    }

    /** A PTV service class URI as a coding of its code list, or empty for the older URN form, which has no code. */
    static Optional<Coding> serviceClass(String uri) {
        return ServiceClassUri.parse(uri).code()
                .map(code -> new Coding(uri.substring(0, uri.indexOf(SERVICE_CLASS_CODE)), code, null));
    }

    static Reference reference(String type, UUID id) {
        return new Reference(type + "/" + id);
    }

    /**
     * A one-line summary for generic FHIR viewers (a resource without one gets a best-practice warning).
     * Never give it the identity code.
     */
    static Narrative narrative(String text) {
        XhtmlNode div = new XhtmlNode(NodeType.Element, "div");
        div.setAttribute("xmlns", XHTML);
        div.addText(text);
        return new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED).setDiv(div);
    }

    /** {@code 45.90 EUR} */
    static String euros(long cents) {
        return fi.avain.mappings.model.Money.ofCents(cents).toString();
    }

    /** Whether {@code today} falls within the days from {@code start} to {@code end}, both included. */
    static boolean within(LocalDate today, LocalDate start, LocalDate end) {
        return !today.isBefore(start) && (end == null || !today.isAfter(end));
    }
}
