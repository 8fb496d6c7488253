package fi.avain.connectors.voucher;

import fi.avain.connectors.voucher.xroad.XRoadClientIdentifierType;
import fi.avain.connectors.voucher.xroad.XRoadIdentifierType;
import fi.avain.connectors.voucher.xroad.XRoadObjectType;
import fi.avain.connectors.voucher.xroad.XRoadServiceIdentifierType;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An X-Road member or subsystem: instance, member class, member code and, for a subsystem, its code.
 * Each part is a short code without spaces, as the X-Road identifier rules allow.
 */
public record XRoadIdentity(String instance, String memberClass, String memberCode, String subsystem) {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._:-]{1,255}");

    public XRoadIdentity {
        instance = code(instance, "instance");
        memberClass = code(memberClass, "member class");
        memberCode = code(memberCode, "member code");
        subsystem = subsystem == null || subsystem.isBlank() ? null : code(subsystem, "subsystem");
    }

    private static String code(String value, String what) {
        if (value == null || !CODE.matcher(value.strip()).matches()) {
            throw new IllegalArgumentException("an X-Road " + what + " must be 1 to 255 letters, digits or . _ : -");
        }
        return value.strip();
    }

    public XRoadClientIdentifierType asClient() {
        XRoadClientIdentifierType id = new XRoadClientIdentifierType();
        id.setObjectType(subsystem == null ? XRoadObjectType.MEMBER : XRoadObjectType.SUBSYSTEM);
        id.setXRoadInstance(instance);
        id.setMemberClass(memberClass);
        id.setMemberCode(memberCode);
        id.setSubsystemCode(subsystem);
        return id;
    }

    public XRoadServiceIdentifierType asService(String serviceCode, String serviceVersion) {
        XRoadServiceIdentifierType id = new XRoadServiceIdentifierType();
        id.setObjectType(XRoadObjectType.SERVICE);
        id.setXRoadInstance(instance);
        id.setMemberClass(memberClass);
        id.setMemberCode(memberCode);
        id.setSubsystemCode(subsystem);
        id.setServiceCode(Objects.requireNonNull(serviceCode, "serviceCode"));
        id.setServiceVersion(serviceVersion);
        return id;
    }

    /**
     * The member or subsystem part of a client or service header; null parts make the header invalid,
     * which the caller reports.
     */
    public static XRoadIdentity of(XRoadIdentifierType id) {
        return new XRoadIdentity(id.getXRoadInstance(), id.getMemberClass(), id.getMemberCode(), id.getSubsystemCode());
    }

    /** Reads {@code INSTANCE/CLASS/CODE[/SUBSYSTEM]}, the form {@link #toString()} writes. */
    public static XRoadIdentity parse(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("/", -1);
        if (parts.length < 3 || parts.length > 4) {
            throw new IllegalArgumentException("an X-Road identity is INSTANCE/CLASS/CODE or INSTANCE/CLASS/CODE/SUBSYSTEM");
        }
        return new XRoadIdentity(parts[0], parts[1], parts[2], parts.length == 4 ? parts[3] : null);
    }

    /** {@code INSTANCE/CLASS/CODE[/SUBSYSTEM]}, the way X-Road writes identifiers in logs. */
    @Override
    public String toString() {
        return instance + "/" + memberClass + "/" + memberCode + (subsystem == null ? "" : "/" + subsystem);
    }
}
