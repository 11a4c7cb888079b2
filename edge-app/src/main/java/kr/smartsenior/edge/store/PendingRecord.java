package kr.smartsenior.edge.store;

import java.util.UUID;

/**
 * A record waiting in the outbox for an ack.
 *
 * @param id       the record's id
 * @param json     the record exactly as {@code ProtocolCodec} wrote it at append; sent as is
 * @param attempts how many times it has been sent so far
 */
public record PendingRecord(UUID id, String json, int attempts) {
}
