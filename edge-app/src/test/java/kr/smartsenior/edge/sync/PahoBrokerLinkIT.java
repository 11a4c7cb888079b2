package kr.smartsenior.edge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import kr.smartsenior.edge.testing.EmbeddedBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The transport against a real broker: per-topic answers and handlers, the Last Will, reconnecting. */
@Timeout(60)
class PahoBrokerLinkIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SITE = "link-01";

    private final EmbeddedBroker broker = EmbeddedBroker.onFreePort();
    private final List<PahoBrokerLink> links = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        links.reversed().forEach(PahoBrokerLink::close);
        broker.stop();
    }

    @Test
    void eachSubscriptionIsAnsweredForItsOwnTopicAndGetsOnlyItsOwnMessages() {
        broker.refusingSubscriptionsTo("t/refused").start();
        Events events = new Events();
        PahoBrokerLink link = started("kiosk-01", events);
        PahoBrokerLink sender = started("kiosk-02", new Events());
        await().atMost(WAIT).until(() -> link.connected() && sender.connected());

        List<BrokerLink.SubscribeOutcome> granted = new CopyOnWriteArrayList<>();
        List<BrokerLink.SubscribeOutcome> refused = new CopyOnWriteArrayList<>();
        List<String> onA = new CopyOnWriteArrayList<>();
        List<String> onB = new CopyOnWriteArrayList<>();
        link.subscribe("t/a", 1, payload -> onA.add(text(payload)), granted::add);
        link.subscribe("t/refused", 1, payload -> { }, refused::add);
        link.subscribe("t/b", 1, payload -> onB.add(text(payload)), outcome -> { });

        await().atMost(WAIT).until(() -> granted.size() == 1 && refused.size() == 1);
        assertThat(granted).containsExactly(new BrokerLink.SubscribeOutcome.Granted());
        assertThat(refused).containsExactly(new BrokerLink.SubscribeOutcome.Refused());

        assertThat(sender.publish("t/a", bytes("for a"), 1, false)).isTrue();
        assertThat(sender.publish("t/b", bytes("for b"), 1, false)).isTrue();
        await().atMost(WAIT).until(() -> onA.size() == 1 && onB.size() == 1);
        assertThat(onA).containsExactly("for a");
        assertThat(onB).containsExactly("for b");
    }

    @Test
    void theLastWillGoesOutWhenTheLinkCloses() {
        broker.start();
        List<String> wills = new CopyOnWriteArrayList<>();
        PahoBrokerLink observer = started("observer", new Events());
        await().atMost(WAIT).until(observer::connected);
        observer.subscribe("will/kiosk-01", 1, payload -> wills.add(text(payload)), outcome -> { });
        AtomicInteger made = new AtomicInteger();
        PahoBrokerLink link = started("kiosk-01", new Events(), new BrokerLink.LastWill("will/kiosk-01",
                () -> bytes("bye " + made.incrementAndGet()), 1, false));
        await().atMost(WAIT).until(link::connected);

        link.close();

        await().atMost(WAIT).until(() -> !wills.isEmpty());
        assertThat(wills).containsExactly("bye 2"); // made once for the connect, once for the goodbye
        assertThat(link.connected()).isFalse();
        assertThat(link.publish("t/a", bytes("late"), 1, false)).isFalse();
    }

    @Test
    void theBrokerPublishesTheLastWillWhenTheKioskVanishes() {
        broker.start();
        List<String> wills = new CopyOnWriteArrayList<>();
        PahoBrokerLink observer = started("observer", new Events());
        await().atMost(WAIT).until(observer::connected);
        observer.subscribe("will/kiosk-01", 1, payload -> wills.add(text(payload)), outcome -> { });
        PahoBrokerLink link = started("kiosk-01", new Events(),
                new BrokerLink.LastWill("will/kiosk-01", () -> bytes("gone"), 1, false));
        await().atMost(WAIT).until(link::connected);

        broker.dropClient(PahoBrokerLink.clientId(settings("kiosk-01")));

        await().atMost(WAIT).until(() -> wills.contains("gone"));
    }

    @Test
    void afterTheBrokerComesBackTheLinkReconnectsAndSaysSo() {
        broker.start();
        Events events = new Events();
        PahoBrokerLink link = started("kiosk-01", events);
        await().atMost(WAIT).until(() -> events.made.get() == 1);

        broker.stop();
        await().atMost(WAIT).until(() -> events.lost.get() == 1);
        assertThat(link.connected()).isFalse();
        broker.start();

        await().atMost(WAIT).until(() -> events.made.get() == 2);
        assertThat(link.connected()).isTrue();
    }

    private PahoBrokerLink started(String device, Events events) {
        return started(device, events, new BrokerLink.LastWill("will/" + device, () -> bytes("offline"), 1, false));
    }

    private PahoBrokerLink started(String device, Events events, BrokerLink.LastWill will) {
        PahoBrokerLink link = new PahoBrokerLink(settings(device),
                new Backoff(Duration.ofMillis(100), Duration.ofMillis(400), new SplittableRandom()), will);
        links.add(link);
        link.start(events);
        return link;
    }

    private SyncSettings settings(String device) {
        return new SyncSettings(SITE, device, broker.url(), "test", 10, 2, Duration.ofMillis(100), Duration.ofMillis(400),
                Duration.ofSeconds(60));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }

    private static final class Events implements BrokerLink.Listener {

        final AtomicInteger made = new AtomicInteger();
        final AtomicInteger lost = new AtomicInteger();

        @Override
        public void connectionMade() {
            made.incrementAndGet();
        }

        @Override
        public void connectionLost() {
            lost.incrementAndGet();
        }
    }
}
