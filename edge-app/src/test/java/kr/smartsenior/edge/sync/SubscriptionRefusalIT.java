package kr.smartsenior.edge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import kr.smartsenior.edge.store.LocalStore;
import kr.smartsenior.edge.testing.EmbeddedBroker;
import kr.smartsenior.edge.testing.FakeServer;
import kr.smartsenior.edge.testing.Records;
import kr.smartsenior.protocol.Channel;
import kr.smartsenior.protocol.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A broker whose ACL refuses one of the kiosk's subscriptions: each refusal is reported for the
 * subscription it concerns, by topic, and only a refused {@code acks} keeps the link down.
 */
@Timeout(60)
class SubscriptionRefusalIT {

    private static final String SITE = "acl-01";
    private static final String DEVICE = "kiosk-07";
    private static final String ACKS = Topics.of(SITE, DEVICE, Channel.ACKS);
    private static final String CONFIG = Topics.of(SITE, DEVICE, Channel.CONFIG);
    private static final String ROSTER = Topics.siteWide(SITE, Channel.ROSTER);
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    private final EmbeddedBroker broker = EmbeddedBroker.onFreePort();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private LocalStore store;
    private FakeServer server;
    private Synchronizer sync;

    @BeforeEach
    void captureTheSyncLog() {
        logged.start();
        syncLogger().addAppender(logged);
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (sync != null) {
            sync.close();
        }
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
        broker.stop();
        syncLogger().detachAppender(logged);
    }

    @Test
    void aRefusedRosterIsReportedAsTheRosterAndRecordsStillFlow() throws Exception {
        start(ROSTER);
        store.outbox().append(Records.grip("M1", "25"));
        sync.wake();

        await().atMost(WAIT).until(() -> store.outbox().size() == 0);
        await().atMost(WAIT).until(() -> warningsNaming(ROSTER).size() == 1);
        assertThat(warningsNaming(CONFIG)).as("configuration was granted").isEmpty();
        assertThat(sync.connected()).isTrue();
    }

    @Test
    void aRefusedConfigurationIsReportedAsTheConfigurationNotAsTheRoster() throws Exception {
        start(CONFIG);

        await().atMost(WAIT).until(sync::connected);
        await().atMost(WAIT).until(() -> warningsNaming(CONFIG).size() == 1);
        assertThat(warningsNaming(ROSTER)).as("the roster was granted").isEmpty();
        assertThat(messages(Level.WARN)).noneMatch(message -> message.contains("roster"));
    }

    @Test
    void aRefusedAcksSubscriptionKeepsTheLinkDownAndIsRetried() throws Exception {
        start(ACKS);
        store.outbox().append(Records.grip("M1", "25"));
        sync.wake();

        await().atMost(WAIT).until(() -> messages(Level.ERROR).stream().filter(message -> message.contains(ACKS)).count() >= 2);
        assertThat(sync.connected()).isFalse();
        assertThat(store.outbox().size()).as("nothing leaves without acks").isEqualTo(1);
        assertThat(warningsNaming(CONFIG)).isEmpty();
        assertThat(warningsNaming(ROSTER)).isEmpty();
    }

    private void start(String refusedTopic) throws Exception {
        broker.refusingSubscriptionsTo(refusedTopic).start();
        server = FakeServer.acking(broker.url());
        store = LocalStore.open(dataDir);
        SyncSettings settings = new SyncSettings(SITE, DEVICE, broker.url(), "test", 10, 2, Duration.ofMillis(100),
                Duration.ofMillis(400), Duration.ofSeconds(60));
        sync = Synchronizer.start(settings, store.outbox(), Clock.systemUTC(), DeviceHealth.none(), RemoteConfig.inMemory(),
                payload -> { });
    }

    private List<String> warningsNaming(String topic) {
        return messages(Level.WARN).stream().filter(message -> message.contains(topic)).toList();
    }

    private List<String> messages(Level level) {
        List<ILoggingEvent> events;
        synchronized (logged) { // the appender appends under this lock, from the link's threads
            events = List.copyOf(logged.list);
        }
        return events.stream().filter(event -> event.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static Logger syncLogger() {
        return (Logger) LoggerFactory.getLogger("kr.smartsenior.edge.sync");
    }
}
