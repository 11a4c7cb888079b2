package kr.smartsenior.edge.store;

import java.time.Instant;

/** A record the server refused, kept on the kiosk for staff to diagnose. */
public record RejectedRecord(String id, String json, String reason, Instant rejectedAt) {
}
