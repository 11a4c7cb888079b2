package kr.smartsenior.server.ingest;

import kr.smartsenior.protocol.Ack;

/**
 * Sends an {@link Ack} to one kiosk. Called by the ingest worker only after the acked records are
 * committed. A test may replace the bean (with {@code @Primary}) to simulate a crash between commit
 * and ack; an exception thrown here is logged and the ingest carries on.
 */
public interface AckPublisher {

    void publish(String siteId, String deviceId, Ack ack);
}
