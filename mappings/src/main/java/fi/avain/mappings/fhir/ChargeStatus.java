package fi.avain.mappings.fhir;

/** Where a hold or spend stands: reserved, partly used, spent, or given back unused. */
public enum ChargeStatus { PLANNED, BILLABLE, BILLED, ABORTED }
