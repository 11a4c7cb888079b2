package kr.smartsenior.edge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import kr.smartsenior.protocol.Channel;
import kr.smartsenior.protocol.Decoded;
import kr.smartsenior.protocol.DeviceStatus;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

@Timeout(30)
class KioskChannelsTest {

    private static final String SITE = "site-01";
    private static final String DEVICE = "kiosk-02";
    private static final String ACKS = Topics.of(SITE, DEVICE, Channel.ACKS);
    private static final String CONFIG = Topics.of(SITE, DEVICE, Channel.CONFIG);
    private static final String ROSTER = Topics.siteWide(SITE, Channel.ROSTER);
    private static final String STATUS = Topics.of(SITE, DEVICE, Channel.STATUS);
    private static final String MEASUREMENTS = Topics.of(SITE, DEVICE, Channel.MEASUREMENTS);
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final ProtocolCodec codec = new ProtocolCodec();
    private final ScriptedBrokerLink link = new ScriptedBrokerLink();
    private final RemoteConfig remoteConfig = RemoteConfig.inMemory();
    private final List<byte[]> rosters = new CopyOnWriteArrayList<>();
    private final Drainer drainer = new Drainer();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private KioskChannels channels;

    @BeforeEach
    void startTheChannels() {
        logged.start();
        logger().addAppender(logged);
        channels = channels(Duration.ofMinutes(10));
        channels.start(drainer);
    }

    @AfterEach
    void stop() {
        channels.close();
        logger().detachAppender(logged);
    }

    private KioskChannels channels(Duration statusInterval) {
        SyncSettings settings = new SyncSettings(SITE, DEVICE, "tcp://127.0.0.1:1", "1.2.3", 10, 2, Duration.ofMillis(10),
                Duration.ofMillis(20), statusInterval);
        StatusReport report = new StatusReport("1.2.3", () -> 4, DeviceHealth.none(), remoteConfig, Clock.systemUTC());
        return new KioskChannels(link, settings, codec, report, remoteConfig, rosters::add,
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(20), new SplittableRandom(7)),
                Executors.newSingleThreadScheduledExecutor());
    }

    @Test
    void everyConnectAsksForAcksConfigurationAndRoster() {
        link.connect();
        await().atMost(WAIT).until(() -> link.requests.size() == 3);
        assertThat(link.requests).extracting(ScriptedBrokerLink.Request::topic).containsExactly(ACKS, CONFIG, ROSTER);
        assertThat(link.requests).extracting(ScriptedBrokerLink.Request::qos).containsOnly(Channel.QOS);

        link.lose();
        link.connect();
        await().atMost(WAIT).until(() -> link.requests.size() == 6);
        assertThat(link.requestsFor(ROSTER)).hasSize(2);
    }

    /** Decision 0040: with an update agent, its command topic is asked for too and its latest report goes out on connect. */
    @Test
    void anUpdateAgentGetsItsCommandsAndItsLatestReportIsRepublishedOnEveryConnect() {
        channels.close();
        List<byte[]> commands = new CopyOnWriteArrayList<>();
        byte[] report = "{\"campaignId\":3}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        UpdateChannel agent = new UpdateChannel() {
            @Override
            public void commandArrived(byte[] payload) {
                commands.add(payload);
            }

            @Override
            public byte[] latestReport() {
                return report;
            }
        };
        SyncSettings settings = new SyncSettings(SITE, DEVICE, "tcp://127.0.0.1:1", "1.2.3", 10, 2, Duration.ofMillis(10),
                Duration.ofMillis(20), Duration.ofMinutes(10));
        StatusReport status = new StatusReport("1.2.3", () -> 4, DeviceHealth.none(), remoteConfig, Clock.systemUTC());
        channels = new KioskChannels(link, settings, codec, status, remoteConfig, rosters::add, agent,
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(20), new SplittableRandom(7)),
                Executors.newSingleThreadScheduledExecutor());
        channels.start(drainer);
        String update = Topics.of(SITE, DEVICE, Channel.UPDATE);
        String updateStatus = Topics.of(SITE, DEVICE, Channel.UPDATE_STATUS);

        link.connect();
        await().atMost(WAIT).until(() -> link.requests.size() == 4);
        assertThat(link.requests).extracting(ScriptedBrokerLink.Request::topic).containsExactly(ACKS, CONFIG, ROSTER, update);
        link.requestFor(update).messages().accept(new byte[] {7});
        assertThat(commands).singleElement().isEqualTo(new byte[] {7});
        assertThat(link.publishedOn(updateStatus)).as("nothing before acks are granted").isEmpty();

        link.requestFor(ACKS).grant();
        await().atMost(WAIT).until(() -> !link.publishedOn(updateStatus).isEmpty());
        assertThat(link.publishedOn(updateStatus)).singleElement().satisfies(published -> {
            assertThat(published.payload()).isEqualTo(report);
            assertThat(published.retained()).isTrue();
        });
        assertThat(channels.publishUpdateReport(report)).isTrue();
    }

    @Test
    void batchesGoOutOnlyOnceAcksAreGrantedAndTheOnlineStatusGoesFirst() {
        link.connect();
        await().atMost(WAIT).until(() -> link.requests.size() == 3);
        link.requestFor(CONFIG).grant();
        link.requestFor(ROSTER).grant();
        assertThat(channels.connected()).isFalse();
        assertThat(channels.publishBatch(new byte[] {1})).isFalse();

        link.requestFor(ACKS).grant();

        await().atMost(WAIT).until(channels::connected);
        await().atMost(WAIT).until(() -> drainer.ups.size() == 1);
        ScriptedBrokerLink.Published status = link.publishedOn(STATUS).getFirst();
        assertThat(status.retained()).isTrue();
        assertThat(state(status)).isEqualTo(DeviceStatus.ONLINE);
        assertThat(channels.publishBatch(new byte[] {1})).isTrue();
        assertThat(link.publishedOn(MEASUREMENTS)).singleElement()
                .satisfies(batch -> assertThat(batch.retained()).isFalse());
    }

    @Test
    void aRefusedRosterIsReportedAsTheRosterAndTheLinkStaysUp() {
        link.connect();
        await().atMost(WAIT).until(() -> link.requests.size() == 3);
        link.requestFor(ACKS).grant();
        link.requestFor(CONFIG).grant();
        link.requestFor(ROSTER).refuse();

        await().atMost(WAIT).until(() -> !messagesNaming(ROSTER).isEmpty());
        assertThat(messagesNaming(ROSTER)).singleElement().satisfies(warning -> assertThat(warning)
                .isEqualTo("WARN the broker refused the subscription to " + ROSTER
                        + "; cards are checked against the roster already kept"));
        assertThat(messagesNaming(CONFIG)).isEmpty();
        await().atMost(WAIT).until(channels::connected);
        // a refusal is not asked again on this connection (a retry would come within 20 ms)
        await().during(Duration.ofMillis(150)).atMost(WAIT).until(() -> link.requestsFor(ROSTER).size() == 1);
    }

    @Test
    void aRefusedConfigurationIsReportedAsTheConfigurationNotAsTheRoster() {
        link.connect();
        await().atMost(WAIT).until(() -> link.requests.size() == 3);
        link.requestFor(ACKS).grant();
        link.requestFor(CONFIG).refuse();
        link.requestFor(ROSTER).grant();

        await().atMost(WAIT).until(() -> !messagesNaming(CONFIG).isEmpty());
        assertThat(messagesNaming(CONFIG)).singleElement().satisfies(warning -> assertThat(warning)
                .isEqualTo("WARN the broker refused the subscription to " + CONFIG + "; remote configuration will not arrive"));
        assertThat(messages()).noneMatch(message -> message.contains("roster"));
        await().atMost(WAIT).until(channels::connected);
    }

    @Test
    void aRefusedAcksSubscriptionKeepsBatchesBackAndIsAskedAgain() {
        link.connect();
        await().atMost(WAIT).until(() -> link.requests.size() == 3);
        link.requestFor(ACKS).refuse();

        await().atMost(WAIT).until(() -> link.requestsFor(ACKS).size() == 2);
        assertThat(messagesNaming(ACKS)).first().satisfies(error -> assertThat(error)
                .startsWith("ERROR cannot subscribe to " + ACKS + " (the broker refused it); without acks nothing can leave"));
        assertThat(channels.connected()).isFalse();
        assertThat(drainer.ups).isEmpty();
        assertThat(link.requestsFor(CONFIG)).as("only the refused one is asked again").hasSize(1);

        link.requestFor(ACKS).grant();
        await().atMost(WAIT).until(channels::connected);
    }

    @Test
    void aSubscriptionThatGotNoAnswerIsAskedAgain() {
        link.connect();
        await().atMost(WAIT).until(() -> link.requests.size() == 3);
        link.requestFor(ROSTER).fail("timed out");

        await().atMost(WAIT).until(() -> link.requestsFor(ROSTER).size() == 2);
        assertThat(messagesNaming(ROSTER)).first().satisfies(warning -> assertThat(warning)
                .startsWith("WARN cannot subscribe to " + ROSTER + " (timed out)"));
    }

    @Test
    void anAnswerMeantForAnEarlierConnectionIsIgnored() {
        link.connect();
        await().atMost(WAIT).until(() -> link.requests.size() == 3);
        ScriptedBrokerLink.Request first = link.requestFor(ACKS);
        link.lose();
        await().atMost(WAIT).until(() -> drainer.downs.size() == 1);

        first.grant();
        link.connect();
        await().atMost(WAIT).until(() -> link.requests.size() == 6);
        assertThat(channels.connected()).isFalse();
        assertThat(drainer.ups).isEmpty();

        link.requestFor(ACKS).grant();
        await().atMost(WAIT).until(channels::connected);
    }

    @Test
    void losingTheConnectionTakesTheBatchesDown() {
        upAndRunning();

        link.lose();

        assertThat(channels.connected()).isFalse();
        assertThat(channels.publishBatch(new byte[] {1})).isFalse();
        await().atMost(WAIT).until(() -> drainer.downs.size() == 1);
    }

    @Test
    void acksGoToTheDrainerAndRostersToTheirReader() {
        upAndRunning();

        link.requestFor(ACKS).messages().accept(bytes("{\"batchId\":\"b1\"}"));
        link.requestFor(ROSTER).messages().accept(bytes("{\"roster\":1}"));

        assertThat(drainer.acks).singleElement().satisfies(ack -> assertThat(new String(ack, StandardCharsets.UTF_8))
                .isEqualTo("{\"batchId\":\"b1\"}"));
        assertThat(rosters).singleElement().satisfies(roster -> assertThat(new String(roster, StandardCharsets.UTF_8))
                .isEqualTo("{\"roster\":1}"));
    }

    @Test
    void aConfigurationIsAppliedAndTheStatusConfirmsItAtOnce() {
        upAndRunning();
        int before = link.publishedOn(STATUS).size();

        link.requestFor(CONFIG).messages().accept(bytes("{\"version\":5,\"settings\":{\"volume\":60}}"));

        await().atMost(WAIT).until(() -> link.publishedOn(STATUS).size() == before + 1);
        assertThat(remoteConfig.current()).hasValueSatisfying(config -> assertThat(config.version()).isEqualTo(5));
        assertThat(status(link.publishedOn(STATUS).getLast()).configVersion()).isEqualTo(5);
    }

    @Test
    void aClearedConfigurationKeepsTheRunningOne() throws Exception {
        upAndRunning();
        link.requestFor(CONFIG).messages().accept(bytes("{\"version\":5,\"settings\":{\"volume\":60}}"));
        await().atMost(WAIT).until(() -> remoteConfig.current().isPresent());

        link.requestFor(CONFIG).messages().accept(new byte[0]);
        channels.statusChanged(); // runs after the cleared configuration on the channels thread

        await().atMost(WAIT).until(() -> status(link.publishedOn(STATUS).getLast()).configVersion() != null);
        assertThat(remoteConfig.current().orElseThrow().version()).isEqualTo(5);
        assertThat(remoteConfig.refused()).isNull();
    }

    @Test
    void theLastWillIsTheRetainedOfflineStatus() {
        SyncSettings settings = new SyncSettings(SITE, DEVICE, "tcp://127.0.0.1:1", "1.2.3", 10, 2, Duration.ofMillis(10),
                Duration.ofMillis(20), Duration.ofSeconds(60));
        StatusReport report = new StatusReport("1.2.3", () -> 4, DeviceHealth.none(), remoteConfig, Clock.systemUTC());

        BrokerLink.LastWill will = KioskChannels.offlineStatus(settings, codec, report);

        assertThat(will.topic()).isEqualTo(STATUS);
        assertThat(will.retained()).isTrue();
        assertThat(will.qos()).isEqualTo(Channel.QOS);
        DeviceStatus offline = status(new ScriptedBrokerLink.Published(STATUS, will.payload().get(), 1, true));
        assertThat(offline.state()).isEqualTo(DeviceStatus.OFFLINE);
        assertThat(offline.outbox()).isEqualTo(4);
    }

    @Test
    void theStatusIsRefreshedPeriodicallyUntilClosed() {
        channels.close();
        channels = channels(Duration.ofMillis(20));
        channels.start(drainer);
        upAndRunning();

        await().atMost(WAIT).until(() -> link.publishedOn(STATUS).size() >= 3);
        channels.close();
        int afterClose = link.publishedOn(STATUS).size();
        channels.statusChanged();

        await().during(Duration.ofMillis(200)).atMost(WAIT).until(() -> link.publishedOn(STATUS).size() == afterClose);
    }

    private void upAndRunning() {
        link.connect();
        await().atMost(WAIT).until(() -> link.requests.size() >= 3);
        link.requestFor(ACKS).grant();
        link.requestFor(CONFIG).grant();
        link.requestFor(ROSTER).grant();
        await().atMost(WAIT).until(channels::connected);
    }

    private String state(ScriptedBrokerLink.Published message) {
        return status(message).state();
    }

    private DeviceStatus status(ScriptedBrokerLink.Published message) {
        return switch (codec.decodeStatus(message.payload())) {
            case Decoded.Ok<DeviceStatus>(DeviceStatus status) -> status;
            case Decoded.Malformed<DeviceStatus>(String reason) -> throw new AssertionError(reason);
        };
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> messages() {
        List<ILoggingEvent> events;
        synchronized (logged) {
            events = List.copyOf(logged.list);
        }
        return events.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .map(event -> event.getLevel() + " " + event.getFormattedMessage()).toList();
    }

    private List<String> messagesNaming(String topic) {
        return messages().stream().filter(message -> message.contains(topic)).toList();
    }

    private static Logger logger() {
        return (Logger) LoggerFactory.getLogger(KioskChannels.class);
    }

    /** Records what the channels tell the drainer. */
    private static final class Drainer implements BatchLink.Listener {

        final List<Boolean> ups = new CopyOnWriteArrayList<>();
        final List<Boolean> downs = new CopyOnWriteArrayList<>();
        final List<byte[]> acks = new CopyOnWriteArrayList<>();

        @Override
        public void linkUp() {
            ups.add(true);
        }

        @Override
        public void linkDown() {
            downs.add(true);
        }

        @Override
        public void ackArrived(byte[] payload) {
            acks.add(payload);
        }
    }
}
