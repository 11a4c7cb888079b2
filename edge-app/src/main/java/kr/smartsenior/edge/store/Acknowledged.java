package kr.smartsenior.edge.store;

/**
 * What one ack did to the outbox: records removed as accepted, records moved to the rejected table.
 * Ids the outbox did not hold (a duplicate or late ack) count in neither.
 */
public record Acknowledged(int accepted, int rejected) {
}
