package kr.smartsenior.protocol;

import java.util.List;
import java.util.UUID;

/**
 * The server's answer to a {@link MeasurementBatch}, published on {@code acks} only after the
 * accepted records are committed. {@code accepted} includes records the server already had (a
 * redelivery). A kiosk forgets a record only when an ack names it, accepted or rejected.
 */
public record Ack(String batchId, List<UUID> accepted, List<Rejection> rejected) {

    public Ack {
        accepted = accepted == null ? List.of() : List.copyOf(accepted);
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
    }
}
