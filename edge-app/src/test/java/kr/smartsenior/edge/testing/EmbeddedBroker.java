package kr.smartsenior.edge.testing;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import kr.smartsenior.protocol.ProtocolCodec;

/** A real MQTT broker (Moquette) on a free loopback port, in memory, that a test can stop and start again. */
public final class EmbeddedBroker implements AutoCloseable {

    private final int port;
    private volatile Set<String> unreadable = Set.of();
    private Server server;

    private EmbeddedBroker(int port) {
        this.port = port;
    }

    /** A broker on a free port, not yet started. */
    public static EmbeddedBroker onFreePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return new EmbeddedBroker(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From the next start on, the broker refuses every subscription to these exact topics (SUBACK 0x80), as a broker ACL would. */
    public EmbeddedBroker refusingSubscriptionsTo(String... topics) {
        unreadable = Set.of(topics);
        return this;
    }

    public synchronized EmbeddedBroker start() {
        Properties properties = new Properties();
        properties.setProperty("host", "127.0.0.1");
        properties.setProperty("port", Integer.toString(port));
        properties.setProperty("websocket_port", "disabled");
        properties.setProperty("allow_anonymous", "true");
        properties.setProperty("persistence_enabled", "false");
        // Moquette 0.17 reports usage to its authors by default: never from our tests
        properties.setProperty("telemetry_enabled", "false");
        // the default (8092 bytes) is far below the protocol's largest message
        properties.setProperty("netty.mqtt.message_size", Integer.toString(ProtocolCodec.MAX_PAYLOAD_BYTES + 4096));
        properties.setProperty("netty.so_reuseaddr", "true");
        Server started = new Server();
        try {
            started.startServer(new MemoryConfig(properties), List.of(), null, null, new IAuthorizatorPolicy() {
                @Override
                public boolean canWrite(Topic topic, String user, String client) {
                    return true;
                }

                @Override
                public boolean canRead(Topic topic, String user, String client) {
                    return !unreadable.contains(topic.toString());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = started;
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stopServer();
            server = null;
        }
    }

    /** Drops a client's connection as a network failure would (the broker then publishes its Last Will). */
    public synchronized void dropClient(String clientId) {
        if (!server.disconnectClient(clientId)) {
            throw new IllegalStateException("no client " + clientId);
        }
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        stop();
    }
}
