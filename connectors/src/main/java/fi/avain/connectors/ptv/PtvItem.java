package fi.avain.connectors.ptv;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One item of a PTV list answer: its parsed JSON (only the fields asked for, when the call named
 * them) and its bytes exactly as PTV sent them, so the message store keeps what was received
 * without writing the tree out again.
 */
public record PtvItem(JsonNode json, byte[] raw) {
}
