package kr.smartsenior.edge.sync;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A broker link the test drives by hand: it connects and loses the connection when told, keeps every
 * subscription request unanswered until the test answers it, and keeps what was published.
 */
final class ScriptedBrokerLink implements BrokerLink {

    record Request(String topic, int qos, Consumer<byte[]> messages, Consumer<SubscribeOutcome> outcome) {

        void grant() {
            outcome.accept(new SubscribeOutcome.Granted());
        }

        void refuse() {
            outcome.accept(new SubscribeOutcome.Refused());
        }

        void fail(String reason) {
            outcome.accept(new SubscribeOutcome.Failed(reason));
        }
    }

    record Published(String topic, byte[] payload, int qos, boolean retained) { }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    final List<Published> published = new CopyOnWriteArrayList<>();
    private volatile Listener listener;
    private volatile boolean up;
    volatile boolean closed;

    @Override
    public void start(Listener listener) {
        this.listener = listener;
    }

    void connect() {
        up = true;
        listener.connectionMade();
    }

    void lose() {
        up = false;
        listener.connectionLost();
    }

    @Override
    public boolean connected() {
        return up;
    }

    @Override
    public boolean publish(String topic, byte[] payload, int qos, boolean retained) {
        if (!up) {
            return false;
        }
        published.add(new Published(topic, payload, qos, retained));
        return true;
    }

    @Override
    public void subscribe(String topic, int qos, Consumer<byte[]> messages, Consumer<SubscribeOutcome> outcome) {
        requests.add(new Request(topic, qos, messages, outcome));
    }

    /** The requests for this topic so far, oldest first. */
    List<Request> requestsFor(String topic) {
        return requests.stream().filter(request -> request.topic().equals(topic)).toList();
    }

    /** The latest request for this topic. */
    Request requestFor(String topic) {
        List<Request> asked = requestsFor(topic);
        if (asked.isEmpty()) {
            throw new AssertionError("nothing subscribed to " + topic);
        }
        return asked.getLast();
    }

    List<Published> publishedOn(String topic) {
        return published.stream().filter(message -> message.topic().equals(topic)).toList();
    }

    @Override
    public void close() {
        closed = true;
        up = false;
    }
}
