package kr.smartsenior.server.ingest;

/**
 * Ingest counters since start.
 *
 * @param messages  measurement messages received
 * @param malformed messages that could not be read (bad topic, payload or device id); not acked
 * @param received  records in readable batches (including ones later rejected)
 * @param stored    records newly stored
 * @param duplicate records already stored before (acked as accepted again)
 * @param rejected  records refused with a reason (acked as rejected)
 * @param ignored   readable messages deliberately left un-acked (unknown site, queue full); the kiosks resend them
 */
public record IngestStats(long messages, long malformed, long received, long stored, long duplicate, long rejected,
        long ignored) {
}
