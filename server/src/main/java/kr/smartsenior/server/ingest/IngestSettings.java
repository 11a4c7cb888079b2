package kr.smartsenior.server.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of ingest, bound from {@code ssc.ingest.*} ({@code SSC_*} variables in
 * {@code application.properties}).
 *
 * @param queueCapacity messages waiting for the ingest worker ({@code SSC_INGEST_QUEUE}); when the queue is
 *                      full a message is dropped un-acked at once (its kiosk re-sends it), never waited for
 * @param ackWindow     acks published and not yet confirmed by the broker ({@code SSC_ACK_WINDOW}): bounds what
 *                      waits for a broker that stopped answering; rosters and configurations are not counted
 * @param writers       transactions storing groups at the same time ({@code SSC_INGEST_WRITERS}, decision 0044)
 */
@ConfigurationProperties("ssc.ingest")
record IngestSettings(Integer queueCapacity, Integer ackWindow, Integer writers) {

    static final int DEFAULT_QUEUE_CAPACITY = 1000;
    static final int DEFAULT_ACK_WINDOW = 500;
    static final int DEFAULT_WRITERS = 2;
    /** As decision 0033 set it (then Paho's in-flight limit of 1,000 less room for rosters and configurations). */
    static final int MAX_ACK_WINDOW = 900;

    IngestSettings {
        queueCapacity = queueCapacity == null ? DEFAULT_QUEUE_CAPACITY : queueCapacity;
        ackWindow = ackWindow == null ? DEFAULT_ACK_WINDOW : ackWindow;
        writers = writers == null ? DEFAULT_WRITERS : writers;
        if (writers < 1 || writers > 8) {
            throw new IllegalArgumentException("SSC_INGEST_WRITERS must be 1..8, not " + writers);
        }
        if (queueCapacity < 1 || queueCapacity > 1_000_000) {
            throw new IllegalArgumentException("SSC_INGEST_QUEUE must be 1..1000000, not " + queueCapacity);
        }
        if (ackWindow < 1 || ackWindow > MAX_ACK_WINDOW) {
            throw new IllegalArgumentException("SSC_ACK_WINDOW must be 1.." + MAX_ACK_WINDOW + ", not " + ackWindow);
        }
    }
}
