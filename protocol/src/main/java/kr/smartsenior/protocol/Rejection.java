package kr.smartsenior.protocol;

/**
 * A record the server will never store, and why. The id is the text the kiosk sent (it may not be a
 * valid UUID, which is itself a reason).
 */
public record Rejection(String id, String reason) {
}
