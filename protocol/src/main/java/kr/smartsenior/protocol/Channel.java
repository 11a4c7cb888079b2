package kr.smartsenior.protocol;

import java.util.Optional;

/** The last level of a protocol v1 topic, with its direction, QoS and retained flag. */
public enum Channel {
    /** kiosk to server, QoS 1: {@link MeasurementBatch}. */
    MEASUREMENTS("measurements", false),
    /** server to kiosk, QoS 1: {@link Ack}. */
    ACKS("acks", false),
    /** kiosk to server, QoS 1, retained, also the Last Will: {@link DeviceStatus}. */
    STATUS("status", true),
    /** server to kiosk, QoS 1, retained: {@link Roster}. */
    ROSTER("roster", true),
    /** server to kiosk, QoS 1, retained: {@link DeviceConfig}. */
    CONFIG("config", true),
    /**
     * server to kiosk, QoS 1, retained, one per device: {@link UpdateCommand} (install this release, campaign
     * {@code n}); an empty retained message withdraws it (decision 0040).
     */
    UPDATE("update", true),
    /** kiosk to server, QoS 1, retained: {@link UpdateReport}, the step of the latest update the kiosk was told of. */
    UPDATE_STATUS("update-status", true);

    /** Every protocol v1 message is sent at QoS 1. */
    public static final int QOS = 1;

    private final String segment;
    private final boolean retained;

    Channel(String segment, boolean retained) {
        this.segment = segment;
        this.retained = retained;
    }

    public String segment() {
        return segment;
    }

    public boolean retained() {
        return retained;
    }

    static Optional<Channel> fromSegment(String text) {
        for (Channel channel : values()) {
            if (channel.segment.equals(text)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
