package kr.smartsenior.edge.sync;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.Topics;

/**
 * How the kiosk talks to the broker.
 *
 * @param siteId                the site, part of every topic
 * @param deviceId              this kiosk, part of every topic and of each batch
 * @param serverUri             Paho URI of the broker, e.g. {@code tcp://127.0.0.1:1883}
 * @param softwareVersion       reported in the status
 * @param batchSize             records per published batch
 * @param maxBatchesAwaitingAck batches sent and not yet acked before the drainer waits
 * @param initialBackoff        first retry delay (records and connection attempts)
 * @param maxBackoff            retry delays never exceed this
 * @param statusInterval        how often the retained online status is refreshed
 * @param mqttUser              the kiosk's broker account, or null (anonymous broker)
 * @param mqttPassword          its password, or null; never printed
 * @param mqttCaFile            for an {@code ssl://} broker: the PEM file of the CA to trust (the district's,
 *                              from the provisioning bundle); null trusts the JDK's public CAs
 */
public record SyncSettings(
        String siteId,
        String deviceId,
        String serverUri,
        String softwareVersion,
        int batchSize,
        int maxBatchesAwaitingAck,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration statusInterval,
        String mqttUser,
        String mqttPassword,
        Path mqttCaFile) {

    public static final int DEFAULT_BATCH_SIZE = 50;
    public static final int DEFAULT_MAX_BATCHES_AWAITING_ACK = 8;
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(2);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(120);
    public static final Duration DEFAULT_STATUS_INTERVAL = Duration.ofSeconds(60);

    public SyncSettings {
        if (!Topics.isValidId(siteId) || !Topics.isValidId(deviceId)) {
            throw new IllegalArgumentException("siteId and deviceId must be valid topic ids: " + siteId + ", " + deviceId);
        }
        Objects.requireNonNull(serverUri, "serverUri");
        Objects.requireNonNull(softwareVersion, "softwareVersion");
        if (batchSize < 1 || batchSize > ProtocolCodec.MAX_RECORDS_PER_BATCH) {
            throw new IllegalArgumentException("batchSize must be 1.." + ProtocolCodec.MAX_RECORDS_PER_BATCH + ": " + batchSize);
        }
        if (maxBatchesAwaitingAck < 1) {
            throw new IllegalArgumentException("maxBatchesAwaitingAck must be at least 1: " + maxBatchesAwaitingAck);
        }
        requirePositive(initialBackoff, "initialBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        requirePositive(statusInterval, "statusInterval");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff " + maxBackoff + " is shorter than initialBackoff " + initialBackoff);
        }
    }

    /** Settings without a CA file of their own. */
    public SyncSettings(String siteId, String deviceId, String serverUri, String softwareVersion, int batchSize,
            int maxBatchesAwaitingAck, Duration initialBackoff, Duration maxBackoff, Duration statusInterval, String mqttUser,
            String mqttPassword) {
        this(siteId, deviceId, serverUri, softwareVersion, batchSize, maxBatchesAwaitingAck, initialBackoff, maxBackoff,
                statusInterval, mqttUser, mqttPassword, null);
    }

    /** Settings for an anonymous broker. */
    public SyncSettings(String siteId, String deviceId, String serverUri, String softwareVersion, int batchSize,
            int maxBatchesAwaitingAck, Duration initialBackoff, Duration maxBackoff, Duration statusInterval) {
        this(siteId, deviceId, serverUri, softwareVersion, batchSize, maxBatchesAwaitingAck, initialBackoff, maxBackoff,
                statusInterval, null, null, null);
    }

    @Override
    public String toString() {
        return "SyncSettings[siteId=" + siteId + ", deviceId=" + deviceId + ", serverUri=" + serverUri + ", softwareVersion="
                + softwareVersion + ", batchSize=" + batchSize + ", maxBatchesAwaitingAck=" + maxBatchesAwaitingAck
                + ", initialBackoff=" + initialBackoff + ", maxBackoff=" + maxBackoff + ", statusInterval=" + statusInterval
                + ", mqttUser=" + mqttUser + ", mqttPassword=" + (mqttPassword == null ? "unset" : "***") + ", mqttCaFile=" + mqttCaFile
                + "]";
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
