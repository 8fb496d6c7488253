package fi.avain.mappings.fhir;

/**
 * The URLs of Avain's FHIR resources: extensions, code systems and identifier systems, Avain's own
 * and the Finnish base profiles' ({@code docs/formats/fhir.md} describes each).
 */
public final class FhirNames {
    public static final String STRUCTURE_DEFINITION = "https://avain.fi/fhir/StructureDefinition/";
    public static final String CODE_SYSTEM = "https://avain.fi/fhir/CodeSystem/";
    public static final String NAMING_SYSTEM = "https://avain.fi/fhir/NamingSystem/";

    /** The wellbeing services county (or other organiser) that owns the resource: valueString. */
    public static final String TENANT = STRUCTURE_DEFINITION + "tenant";
    /** {@code hb} or {@code control}, the follow-up's cohort of the client: valueCode. */
    public static final String COHORT = STRUCTURE_DEFINITION + "cohort";
    /**
     * Money of an account or a charge, in the sub-extensions {@link #ALLOCATED}, {@link #HELD},
     * {@link #SPENT} and {@link #AVAILABLE}, each valueMoney.
     */
    public static final String AMOUNTS = STRUCTURE_DEFINITION + "amounts";
    public static final String ALLOCATED = "allocated";
    public static final String HELD = "held";
    public static final String SPENT = "spent";
    public static final String AVAILABLE = "available";
    /** The Account of a CarePlan activity's budget line: valueReference. */
    public static final String BUDGET_LINE = STRUCTURE_DEFINITION + "budget-line";
    /** A channel a budget line may be spent through, one per extension: valueCode of {@link #CHARGE_CHANNEL}. */
    public static final String CHANNEL = STRUCTURE_DEFINITION + "channel";
    /** A PTV service class a budget line pays for, one per extension: valueUri. */
    public static final String SERVICE_CLASS = STRUCTURE_DEFINITION + "service-class";
    /** A card merchant category code (ISO 18245) a budget line pays for, one per extension: valueCode. */
    public static final String MERCHANT_CATEGORY = STRUCTURE_DEFINITION + "merchant-category";
    /** The largest single card spend on a budget line: valueMoney. */
    public static final String PER_TRANSACTION_LIMIT = STRUCTURE_DEFINITION + "per-transaction-limit";
    /** The largest total of card spends on a budget line in one day (Europe/Helsinki): valueMoney. */
    public static final String PER_DAY_LIMIT = STRUCTURE_DEFINITION + "per-day-limit";
    /** Whether a voucher's client share (omavastuu) is charged to the budget line: valueBoolean. */
    public static final String CLIENT_SHARE_CHARGED = STRUCTURE_DEFINITION + "client-share-charged";
    /** What a representative may see or do, one per extension: valueCode budget, spends or declarations. */
    public static final String GRANT = STRUCTURE_DEFINITION + "representative-grant";

    /** Finnish base profiles: the client's home municipality, valueCoding of {@link #MUNICIPALITY_CODES}. */
    public static final String MUNICIPALITY =
            "https://hl7.fi/fhir/finnish-base-profiles/StructureDefinition/municipality-code";
    /** Statistics Finland's municipality codes (kuntakoodit). */
    public static final String MUNICIPALITY_CODES = "urn:oid:1.2.246.537.6.21";
    /** The Finnish personal identity code (henkilötunnus, PIC). */
    public static final String PERSONAL_IDENTITY_CODE = "urn:oid:1.2.246.21";
    /** An identifier whose value is a URI; organisations' OIDs are given so, as in the Finnish base profiles. */
    public static final String URI_IDENTIFIER = "urn:ietf:rfc:3986";
    /** The OID arc of organisations identified by a Y-tunnus: the Y-tunnus follows, without its hyphen. */
    public static final String BUSINESS_ID_OID = "urn:oid:1.2.246.10.";

    /** How a charge was made: card, voucher, declaration, invoice, correction. */
    public static final String CHARGE_CHANNEL = CODE_SYSTEM + "charge-channel";
    /** {@code budget} or {@code budget-line}: what an Account is. */
    public static final String ACCOUNT_TYPE = CODE_SYSTEM + "account-type";
    /** The follow-up's client groups (e.g. disability, elderly, family), as plans name them. */
    public static final String CLIENT_GROUP = CODE_SYSTEM + "client-group";
    /** Portal actions beyond the REST interactions: approve, reject. */
    public static final String AUDIT_ACTION = CODE_SYSTEM + "audit-action";

    /** Case management's plan id: CarePlan and budget Account identifier. */
    public static final String PLAN_ID = NAMING_SYSTEM + "plan-id";
    /** A budget line's code, unique within its budget: line Account identifier. */
    public static final String LINE_CODE = NAMING_SYSTEM + "budget-line";
    /** A charge's id at its sender: this prefix and the channel ({@code …/charge-source/card}). */
    public static final String CHARGE_SOURCE = NAMING_SYSTEM + "charge-source/";
    /** The subject of a citizen's or representative's token. */
    public static final String TOKEN_SUBJECT = NAMING_SYSTEM + "token-subject";
    /** The principal of an operator's or integrator's API key. */
    public static final String API_KEY = NAMING_SYSTEM + "api-key";
    /** What the REST API read that FHIR has no resource for ({@code Card/…}, {@code Voucher/…}): audit entities. */
    public static final String API_RESOURCE = NAMING_SYSTEM + "api-resource";

    private FhirNames() {
    }
}
