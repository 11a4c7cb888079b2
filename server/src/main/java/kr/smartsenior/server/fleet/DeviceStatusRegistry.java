package kr.smartsenior.server.fleet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.protocol.Channel;
import kr.smartsenior.protocol.Decoded;
import kr.smartsenior.protocol.DeviceStatus;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.Topics;
import kr.smartsenior.server.mqtt.BrokerConnection;
import kr.smartsenior.server.worker.BackgroundWorker;
import kr.smartsenior.server.worker.Worker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The latest {@link DeviceStatus} of every kiosk, in memory, from the retained {@code status} topics
 * (a Last Will arrives there too, as {@code offline}). State changes are logged; no personal data is
 * involved. Messages are decoded on a small worker of its own, never on the MQTT client thread.
 *
 * <p>Beside the status it keeps, per kiosk, an {@link Observation}: when the status arrived, since
 * when the kiosk has been in its state, its recent outbox sizes, and since when each current
 * condition (a failing sensor, a refused configuration) has been reported. The times are the
 * server's: a Last Will carries the time its kiosk connected, not when it vanished.
 *
 * <p>The lasting part of each observation ({@link Memory}) is saved in {@link DeviceObservations} with
 * every status and read back for a kiosk's first status after a restart, so "since when" survives
 * restarts. The statuses themselves come back from the broker (they are retained).
 */
@Component
public final class DeviceStatusRegistry extends BackgroundWorker {

    private static final Logger log = LoggerFactory.getLogger(DeviceStatusRegistry.class);
    /** Outbox sizes older than this are forgotten. */
    static final Duration OUTBOX_HISTORY = Duration.ofHours(3);
    /** At most this many outbox sizes per kiosk (a status a minute fills three hours). */
    static final int OUTBOX_HISTORY_SIZE = 200;
    static final String SENSOR_CONDITION = "sensor:";
    static final String CONFIG_REFUSED_CONDITION = "config-refused:";

    private final BrokerConnection connection;
    private final ProtocolCodec codec;
    private final Clock clock;
    private final DeviceObservations store;
    private final Map<Device, DeviceStatus> latest = new ConcurrentHashMap<>();
    private final Map<Device, Observation> observations = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(1000), namedThread().daemon().factory(),
            new ThreadPoolExecutor.DiscardOldestPolicy());

    DeviceStatusRegistry(BrokerConnection connection, ProtocolCodec codec, Clock clock, DeviceObservations store) {
        super(Worker.DEVICE_STATUS);
        this.connection = connection;
        this.codec = codec;
        this.clock = clock;
        this.store = store;
    }

    /** A kiosk, by site and device id. */
    public record Device(String siteId, String deviceId) {
    }

    /** A kiosk and its latest status. */
    public record Entry(String siteId, String deviceId, DeviceStatus status) {
    }

    /**
     * What the server has seen of one kiosk.
     *
     * @param status     the latest status
     * @param receivedAt when it arrived
     * @param stateSince since when the kiosk has been in {@code status.state()}
     * @param outbox     outbox sizes from online statuses, oldest first, of the last few hours
     * @param conditions condition ({@code sensor:<name>}, {@code config-refused:<version>}) to since when
     */
    public record Observation(DeviceStatus status, Instant receivedAt, Instant stateSince, List<OutboxSample> outbox,
            Map<String, Instant> conditions) {

        Memory memory() {
            return new Memory(status.state(), stateSince, outbox, conditions);
        }
    }

    /**
     * What outlives a restart of the server: since when the kiosk has been in its state, its recent
     * outbox sizes and since when each condition has been reported.
     */
    record Memory(String state, Instant stateSince, List<OutboxSample> outbox, Map<String, Instant> conditions) {
    }

    /** The outbox size a status reported, and when it arrived. */
    public record OutboxSample(Instant at, long size) {
    }

    /** What the server has seen of every kiosk heard from since start. */
    public Map<Device, Observation> observations() {
        return Map.copyOf(observations);
    }

    public Optional<DeviceStatus> statusOf(String siteId, String deviceId) {
        return Optional.ofNullable(latest.get(new Device(siteId, deviceId)));
    }

    /** Every kiosk heard from since start, by site and device id. */
    public List<Entry> all() {
        return latest.entrySet().stream()
                .map(e -> new Entry(e.getKey().siteId(), e.getKey().deviceId(), e.getValue()))
                .sorted(Comparator.comparing(Entry::siteId).thenComparing(Entry::deviceId))
                .toList();
    }

    @Override
    protected void startWork() {
        connection.subscribe(Topics.everyDevice(Channel.STATUS),
                (topic, payload, arrivedAt) -> worker.execute(() -> handle(topic, payload)));
    }

    void handle(String topic, byte[] payload) {
        Optional<Topics.Address> from = Topics.parse(topic);
        if (from.isEmpty() || from.get().channel() != Channel.STATUS) {
            return;
        }
        Device device = new Device(from.get().siteId(), from.get().deviceId());
        if (payload == null || payload.length == 0) {
            latest.remove(device);
            observations.remove(device);
            remember(device, null, null);
            return;
        }
        Decoded<DeviceStatus> decoded = codec.decodeStatus(payload);
        if (decoded instanceof Decoded.Malformed<DeviceStatus>(String reason)) {
            log.warn("malformed status from {}/{}: {}", device.siteId(), device.deviceId(), printable(reason));
            return;
        }
        DeviceStatus status = ((Decoded.Ok<DeviceStatus>) decoded).value();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as it is stored
        Observation previous = observations.get(device);
        Memory earlier = previous != null ? previous.memory() : recall(device);
        Observation observation = observe(earlier, status, now);
        DeviceStatus before = latest.put(device, status);
        observations.put(device, observation);
        remember(device, observation.memory(), now);
        if (before == null || !Objects.equals(before.state(), status.state())) {
            log.info("device {}/{} is {} (version {}, outbox {})", device.siteId(), device.deviceId(),
                    printable(status.state()), printable(status.version()), status.outbox());
        }
    }

    /** What was saved of this kiosk before the server started; null if nothing (or unreadable). */
    private Memory recall(Device device) {
        try {
            return store.load(device).orElse(null);
        } catch (RuntimeException e) {
            log.warn("cannot read what was seen of {}/{} before the restart ({}); its problems count from now",
                    device.siteId(), device.deviceId(), e.getMessage());
            return null;
        }
    }

    /** Saves (or with null forgets) what lasts of a kiosk's observation; a database failure only logs. */
    private void remember(Device device, Memory memory, Instant now) {
        try {
            if (memory == null) {
                store.forget(device);
            } else {
                store.save(device, memory, now);
            }
        } catch (RuntimeException e) {
            log.warn("cannot save what was seen of {}/{} ({}); after a restart its problems would count from then",
                    device.siteId(), device.deviceId(), e.getMessage());
        }
    }

    static Observation observe(Observation before, DeviceStatus status, Instant now) {
        return observe(before == null ? null : before.memory(), status, now);
    }

    static Observation observe(Memory before, DeviceStatus status, Instant now) {
        boolean sameState = before != null && Objects.equals(before.state(), status.state());
        Instant stateSince = sameState ? before.stateSince() : now;
        List<OutboxSample> outbox = new ArrayList<>();
        if (before != null) {
            Instant horizon = now.minus(OUTBOX_HISTORY);
            before.outbox().stream().filter(sample -> sample.at().isAfter(horizon)).forEach(outbox::add);
        }
        if (DeviceStatus.ONLINE.equals(status.state()) && status.outbox() >= 0) {
            outbox.add(new OutboxSample(now, status.outbox()));
        }
        while (outbox.size() > OUTBOX_HISTORY_SIZE) {
            outbox.removeFirst();
        }
        Map<String, Instant> conditions = new HashMap<>();
        Map<String, Instant> earlier = before == null ? Map.of() : before.conditions();
        status.sensors().forEach((sensor, state) -> {
            if (!FleetHealth.sensorOk(state)) {
                String key = SENSOR_CONDITION + sensor;
                conditions.put(key, earlier.getOrDefault(key, now));
            }
        });
        if (status.configRefused() != null) {
            String key = CONFIG_REFUSED_CONDITION + status.configRefused().version();
            conditions.put(key, earlier.getOrDefault(key, now));
        }
        return new Observation(status, now, stateSince, List.copyOf(outbox), Map.copyOf(conditions));
    }

    private static String printable(String text) {
        if (text == null) {
            return "?";
        }
        return text.codePoints().limit(60).map(cp -> Character.isISOControl(cp) ? '?' : cp)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    @Override
    protected void stopWork() {
        worker.shutdownNow();
    }
}
