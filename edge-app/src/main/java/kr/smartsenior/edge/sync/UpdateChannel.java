package kr.smartsenior.edge.sync;

/**
 * The kiosk's side of update campaigns on the link (decision 0040): the retained command on its own
 * {@code update} topic goes to {@link #commandArrived}, and {@link #latestReport} is published again
 * (retained, on {@code update-status}) after every connect, so the server learns the latest step even
 * if it was published while the link was down.
 */
public interface UpdateChannel {

    /** A payload on the device's {@code update} topic (empty: withdrawn), on an MQTT client thread: hand over, return. */
    void commandArrived(byte[] payload);

    /** The latest progress report as JSON, or null when there is none. */
    byte[] latestReport();
}
