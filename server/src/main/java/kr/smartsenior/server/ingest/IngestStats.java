package kr.smartsenior.server.ingest;

/**
 * Ingest counters since start, and the queue now.
 *
 * @param messages         measurement messages received
 * @param malformed        messages that could not be read (bad topic, payload or device id); not acked
 * @param received         records in readable batches (including ones later rejected)
 * @param stored           records newly stored
 * @param duplicate        records already stored before (acked as accepted again)
 * @param rejected         records refused with a reason (acked as rejected)
 * @param ignored          readable messages deliberately left un-acked (unknown site, the reserved device id
 *                         {@code all}); the kiosks resend them
 * @param droppedUnacked   messages dropped un-acked because the ingest queue was full; the kiosks resend them
 * @param acksNotPublished acks of stored batches the broker did not take; the kiosks resend and get them
 *                         acked as duplicates
 * @param queued           messages waiting in the ingest queue now
 * @param queueCapacity    the ingest queue's capacity ({@code SSC_INGEST_QUEUE})
 * @param behind           whether a message was dropped un-acked in the last minute
 * @param time             where the ingest thread spent its time since start
 */
public record IngestStats(long messages, long malformed, long received, long stored, long duplicate, long rejected,
        long ignored, long droppedUnacked, long acksNotPublished, int queued, int queueCapacity, boolean behind,
        Time time) {

    /**
     * Milliseconds the ingest thread spent in each step since start, over {@code groups} groups (one
     * transaction each): reading the messages, checking sites and members, storing and committing,
     * publishing the acks, telling listeners (decision 0036).
     */
    public record Time(long groups, long decodeMs, long checkMs, long storeMs, long ackMs, long announceMs) {
    }
}
