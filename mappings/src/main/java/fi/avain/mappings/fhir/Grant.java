package fi.avain.mappings.fhir;

/** What a client lets a representative do: see the budget, see the spends, act on declarations. */
public enum Grant { BUDGET, SPENDS, DECLARATIONS }
