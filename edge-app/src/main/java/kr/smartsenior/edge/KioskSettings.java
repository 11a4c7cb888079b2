package kr.smartsenior.edge;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import kr.smartsenior.edge.sync.SyncSettings;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.RecordValidator;
import kr.smartsenior.protocol.Topics;

/**
 * Everything a kiosk needs to know about where it is and how to sync.
 *
 * @param siteId          the senior center, e.g. {@code ydp-01} (lower-case letters, digits, hyphens)
 * @param deviceId        this kiosk within the site, e.g. {@code kiosk-01}
 * @param mqttUrl         the broker, {@code tcp://host:port} (or {@code ssl://}, {@code ws://}, {@code wss://})
 * @param dataDir         where {@code kiosk.db} lives
 * @param batchSize       records per published batch
 * @param initialBackoff  first retry delay for unacked records and connection attempts
 * @param maxBackoff      retry delays never exceed this
 * @param statusInterval  how often the retained online status is refreshed
 * @param simulateMembers member ids the simulator records for ({@code --simulate}); may be empty
 * @param simulateEvery   simulated pause between two visits to the test station
 * @param mqttUser        this kiosk's own broker account (from its provisioning bundle), or null for an
 *                        anonymous broker (the demo)
 * @param mqttPassword    its password, or null; never printed
 * @param mqttCaFile      for an {@code ssl://} broker, the PEM file of the CA to trust (the district CA from
 *                        the provisioning bundle, {@code /etc/smartsenior/ca.crt}); null trusts the JDK's CAs
 */
public record KioskSettings(
        String siteId,
        String deviceId,
        String mqttUrl,
        Path dataDir,
        int batchSize,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration statusInterval,
        List<String> simulateMembers,
        Duration simulateEvery,
        String mqttUser,
        String mqttPassword,
        Path mqttCaFile) {

    public static final String ENV_SITE_ID = "SSC_SITE_ID";
    public static final String ENV_DEVICE_ID = "SSC_DEVICE_ID";
    public static final String ENV_MQTT_URL = "SSC_MQTT_URL";
    public static final String ENV_DATA_DIR = "SSC_DATA_DIR";
    public static final String ENV_SIM_MEMBERS = "SSC_SIM_MEMBERS";
    public static final String ENV_SIM_INTERVAL_MS = "SSC_SIM_INTERVAL_MS";
    public static final String ENV_SYNC_BATCH_SIZE = "SSC_SYNC_BATCH_SIZE";
    public static final String ENV_RETRY_INITIAL_MS = "SSC_RETRY_INITIAL_MS";
    public static final String ENV_RETRY_MAX_MS = "SSC_RETRY_MAX_MS";
    public static final String ENV_STATUS_INTERVAL_MS = "SSC_STATUS_INTERVAL_MS";
    public static final String ENV_MQTT_USER = "SSC_MQTT_USER";
    public static final String ENV_MQTT_PASSWORD = "SSC_MQTT_PASSWORD";
    public static final String ENV_MQTT_CA_FILE = "SSC_MQTT_CA_FILE";

    public static final String DEFAULT_SITE_ID = "demo-01";
    public static final String DEFAULT_DEVICE_ID = "kiosk-01";
    public static final String DEFAULT_MQTT_URL = "tcp://127.0.0.1:1883";
    public static final Path DEFAULT_DATA_DIR = Path.of("data", "kiosk");
    public static final int DEFAULT_BATCH_SIZE = SyncSettings.DEFAULT_BATCH_SIZE;
    public static final Duration DEFAULT_INITIAL_BACKOFF = SyncSettings.DEFAULT_INITIAL_BACKOFF;
    public static final Duration DEFAULT_MAX_BACKOFF = SyncSettings.DEFAULT_MAX_BACKOFF;
    public static final Duration DEFAULT_STATUS_INTERVAL = SyncSettings.DEFAULT_STATUS_INTERVAL;
    public static final Duration DEFAULT_SIMULATE_EVERY = Duration.ofMillis(2000);

    private static final Set<String> MQTT_SCHEMES = Set.of("tcp", "ssl", "ws", "wss");
    private static final String ID_RULE =
            "lower-case letters, digits and hyphens, 1 to 32 characters, starting with a letter or digit (e.g. ydp-01)";

    public KioskSettings {
        requireId(siteId, "siteId");
        requireDeviceId(deviceId, "deviceId");
        requireMqttUrl(mqttUrl, "mqttUrl");
        Objects.requireNonNull(dataDir, "dataDir");
        requireBatchSize(batchSize, "batchSize");
        requirePositive(initialBackoff, "initialBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff (" + maxBackoff.toMillis() + " ms) is shorter than initialBackoff ("
                    + initialBackoff.toMillis() + " ms)");
        }
        requirePositive(statusInterval, "statusInterval");
        simulateMembers = List.copyOf(simulateMembers == null ? List.of() : simulateMembers);
        for (String member : simulateMembers) {
            requireMember(member, "simulateMembers");
        }
        requirePositive(simulateEvery, "simulateEvery");
        mqttUser = mqttUser == null || mqttUser.isBlank() ? null : mqttUser.strip();
        mqttPassword = mqttPassword == null || mqttPassword.isEmpty() ? null : mqttPassword;
        if (mqttPassword != null && mqttUser == null) {
            throw new IllegalArgumentException("an MQTT password without a user name");
        }
    }

    /** Settings without a CA file of their own (a {@code tcp://} broker, or one with a public certificate). */
    public KioskSettings(String siteId, String deviceId, String mqttUrl, Path dataDir, int batchSize, Duration initialBackoff,
            Duration maxBackoff, Duration statusInterval, List<String> simulateMembers, Duration simulateEvery, String mqttUser,
            String mqttPassword) {
        this(siteId, deviceId, mqttUrl, dataDir, batchSize, initialBackoff, maxBackoff, statusInterval, simulateMembers,
                simulateEvery, mqttUser, mqttPassword, null);
    }

    /** Settings for an anonymous broker (the demo and tests), as before per-device accounts. */
    public KioskSettings(String siteId, String deviceId, String mqttUrl, Path dataDir, int batchSize, Duration initialBackoff,
            Duration maxBackoff, Duration statusInterval, List<String> simulateMembers, Duration simulateEvery) {
        this(siteId, deviceId, mqttUrl, dataDir, batchSize, initialBackoff, maxBackoff, statusInterval, simulateMembers,
                simulateEvery, null, null, null);
    }

    /** The same settings with this kiosk's own broker account. */
    public KioskSettings withCredentials(String user, String password) {
        return new KioskSettings(siteId, deviceId, mqttUrl, dataDir, batchSize, initialBackoff, maxBackoff, statusInterval,
                simulateMembers, simulateEvery, user, password, mqttCaFile);
    }

    /** The same settings trusting the CA in this PEM file on an {@code ssl://} broker. */
    public KioskSettings withCaFile(Path caFile) {
        return new KioskSettings(siteId, deviceId, mqttUrl, dataDir, batchSize, initialBackoff, maxBackoff, statusInterval,
                simulateMembers, simulateEvery, mqttUser, mqttPassword, caFile);
    }

    @Override
    public String toString() {
        return "KioskSettings[siteId=" + siteId + ", deviceId=" + deviceId + ", mqttUrl=" + mqttUrl + ", dataDir=" + dataDir
                + ", batchSize=" + batchSize + ", initialBackoff=" + initialBackoff + ", maxBackoff=" + maxBackoff
                + ", statusInterval=" + statusInterval + ", simulateMembers=" + simulateMembers + ", simulateEvery="
                + simulateEvery + ", mqttUser=" + mqttUser + ", mqttPassword=" + (mqttPassword == null ? "unset" : "***")
                + ", mqttCaFile=" + mqttCaFile + "]";
    }

    /** Settings for a kiosk at this site and broker, every tunable at its default. */
    public static KioskSettings of(String siteId, String deviceId, String mqttUrl, Path dataDir) {
        return new KioskSettings(siteId, deviceId, mqttUrl, dataDir, DEFAULT_BATCH_SIZE, DEFAULT_INITIAL_BACKOFF,
                DEFAULT_MAX_BACKOFF, DEFAULT_STATUS_INTERVAL, List.of(), DEFAULT_SIMULATE_EVERY);
    }

    /** The same settings with other retry delays (tests want them short). */
    public KioskSettings withBackoff(Duration initial, Duration max) {
        return new KioskSettings(siteId, deviceId, mqttUrl, dataDir, batchSize, initial, max, statusInterval,
                simulateMembers, simulateEvery, mqttUser, mqttPassword, mqttCaFile);
    }

    /**
     * Reads {@code SSC_*} variables; unset or blank ones take their defaults. Fails with a message
     * naming the variable when a value is unusable.
     */
    public static KioskSettings fromEnvironment(Map<String, String> env) {
        String siteId = text(env, ENV_SITE_ID, DEFAULT_SITE_ID);
        requireId(siteId, ENV_SITE_ID);
        String deviceId = text(env, ENV_DEVICE_ID, DEFAULT_DEVICE_ID);
        requireDeviceId(deviceId, ENV_DEVICE_ID);
        String mqttUrl = text(env, ENV_MQTT_URL, DEFAULT_MQTT_URL);
        requireMqttUrl(mqttUrl, ENV_MQTT_URL);
        Path dataDir = Path.of(text(env, ENV_DATA_DIR, DEFAULT_DATA_DIR.toString()));
        int batchSize = wholeNumber(env, ENV_SYNC_BATCH_SIZE, DEFAULT_BATCH_SIZE);
        requireBatchSize(batchSize, ENV_SYNC_BATCH_SIZE);
        Duration initial = millis(env, ENV_RETRY_INITIAL_MS, DEFAULT_INITIAL_BACKOFF);
        Duration max = millis(env, ENV_RETRY_MAX_MS, DEFAULT_MAX_BACKOFF);
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException(ENV_RETRY_MAX_MS + " (" + max.toMillis() + ") must not be smaller than "
                    + ENV_RETRY_INITIAL_MS + " (" + initial.toMillis() + ")");
        }
        Duration status = millis(env, ENV_STATUS_INTERVAL_MS, DEFAULT_STATUS_INTERVAL);
        List<String> members = members(env);
        Duration every = millis(env, ENV_SIM_INTERVAL_MS, DEFAULT_SIMULATE_EVERY);
        String user = text(env, ENV_MQTT_USER, null);
        String password = env.get(ENV_MQTT_PASSWORD);
        if (password != null && !password.isEmpty() && user == null) {
            throw new IllegalArgumentException(ENV_MQTT_PASSWORD + " is set but " + ENV_MQTT_USER + " is not");
        }
        String caFile = text(env, ENV_MQTT_CA_FILE, null);
        return new KioskSettings(siteId, deviceId, mqttUrl, dataDir, batchSize, initial, max, status, members, every, user,
                password, caFile == null ? null : Path.of(caFile));
    }

    /** The sync part, with the software version to report in the status. */
    public SyncSettings syncSettings(String softwareVersion) {
        return new SyncSettings(siteId, deviceId, mqttUrl, softwareVersion, batchSize,
                SyncSettings.DEFAULT_MAX_BATCHES_AWAITING_ACK, initialBackoff, maxBackoff, statusInterval, mqttUser, mqttPassword,
                mqttCaFile);
    }

    private static String text(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static int wholeNumber(Map<String, String> env, String name, int fallback) {
        String value = text(env, name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }

    private static Duration millis(Map<String, String> env, String name, Duration fallback) {
        String value = text(env, name, null);
        if (value == null) {
            return fallback;
        }
        long ms;
        try {
            ms = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number of milliseconds, got '" + value + "'");
        }
        if (ms <= 0) {
            throw new IllegalArgumentException(name + " must be more than 0 milliseconds, got " + ms);
        }
        return Duration.ofMillis(ms);
    }

    private static List<String> members(Map<String, String> env) {
        String value = text(env, ENV_SIM_MEMBERS, "");
        Set<String> members = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String member = part.strip();
            if (!member.isEmpty()) {
                requireMember(member, ENV_SIM_MEMBERS);
                members.add(member);
            }
        }
        return new ArrayList<>(members);
    }

    private static void requireId(String id, String name) {
        if (!Topics.isValidId(id)) {
            throw new IllegalArgumentException(name + " must be " + ID_RULE + ", got '" + id + "'");
        }
    }

    private static void requireDeviceId(String id, String name) {
        requireId(id, name);
        if (!Topics.isValidDeviceId(id)) {
            throw new IllegalArgumentException(name + " '" + id + "' is reserved for the site's shared topics; choose"
                    + " another (e.g. kiosk-01)");
        }
    }

    private static void requireMember(String member, String name) {
        if (!RecordValidator.isValidMemberId(member)) {
            throw new IllegalArgumentException(name + ": '" + member
                    + "' is not a member id (letters, digits, '-' and '_', at most 64)");
        }
    }

    private static void requireMqttUrl(String url, String name) {
        if (url == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !MQTT_SCHEMES.contains(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException(name + " must look like tcp://host:1883 (or ssl://, ws://, wss://), got '"
                        + url + "'");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + " is not a URL: '" + url + "'");
        }
    }

    private static void requireBatchSize(int size, String name) {
        if (size < 1 || size > ProtocolCodec.MAX_RECORDS_PER_BATCH) {
            throw new IllegalArgumentException(name + " must be 1 to " + ProtocolCodec.MAX_RECORDS_PER_BATCH + ", got " + size);
        }
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
    }
}
