package kr.smartsenior.server.mqtt;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-install MQTT broker (Moquette): anonymous, in memory, on one host and port. Used only
 * when no external broker URL is set; production runs Mosquitto.
 */
public final class EmbeddedBroker {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);
    /** Larger than any protocol message, so an oversized payload reaches the codec and is counted. */
    private static final int MAX_MESSAGE_BYTES = 1024 * 1024;
    /** How often to pick another free port when one is taken between choosing and binding it. */
    private static final int FREE_PORT_ATTEMPTS = 5;

    private final String host;
    private final int requestedPort;
    private final Path dataDir;
    private Server server;
    private volatile int port;

    EmbeddedBroker(String host, int port, Path dataDir) {
        this.host = host;
        this.requestedPort = port;
        this.dataDir = dataDir;
    }

    /**
     * Starts listening; after {@link #stop()} it may be started again on the same port. For port 0 it picks
     * a free port itself and binds that: Moquette records a port it was given as 0 in an unsynchronised map
     * on another thread, and asking it for that port raced with the write (a test server once waited 30 s
     * for a port it never learned).
     */
    public void start() {
        int samePort = requestedPort != 0 ? requestedPort : port; // a restart keeps the port it had
        if (samePort != 0) {
            requireFree(samePort);
            startOn(samePort);
            return;
        }
        for (int attempt = 1; ; attempt++) {
            int candidate = freePort();
            try {
                startOn(candidate);
                return;
            } catch (EmbeddedBrokerPortInUseException takenMeanwhile) {
                if (attempt == FREE_PORT_ATTEMPTS) {
                    throw takenMeanwhile;
                }
                log.debug("port {} was taken before the broker bound it; trying another", candidate);
            }
        }
    }

    private void startOn(int listenPort) {
        Properties config = new Properties();
        config.setProperty("host", host);
        config.setProperty("port", Integer.toString(listenPort));
        config.setProperty("websocket_port", "disabled");
        config.setProperty("allow_anonymous", "true");
        config.setProperty("allow_zero_byte_client_id", "true"); // mosquitto_pub/sub send none
        config.setProperty("persistence_enabled", "false");
        config.setProperty("data_path", dataDir.resolve("mqtt").toAbsolutePath() + "/");
        config.setProperty("telemetry_enabled", "false");
        config.setProperty("netty.mqtt.message_size", Integer.toString(MAX_MESSAGE_BYTES));
        config.setProperty("buffer_flush_millis", "immediate");
        Server broker = new Server();
        try {
            broker.startServer(new MemoryConfig(config));
        } catch (IOException | RuntimeException e) {
            stopQuietly(broker);
            if (causedByBind(e)) {
                throw new EmbeddedBrokerPortInUseException(host, listenPort, e);
            }
            throw new IllegalStateException("cannot start the embedded MQTT broker on " + host + ":" + listenPort
                    + ": " + e.getMessage(), e);
        }
        server = broker;
        port = listenPort;
        log.info("embedded MQTT broker listening on {}:{}", host, port);
    }

    private int freePort() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(host, 0));
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on " + host + " for the embedded MQTT broker", e);
        }
    }

    private void requireFree(int wanted) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(host, wanted));
        } catch (IOException e) {
            throw new EmbeddedBrokerPortInUseException(host, wanted, e);
        }
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    /** Stops listening and drops every client connection (a broker restart, as operators and tests do). */
    public void stop() {
        if (server != null) {
            stopQuietly(server);
            server = null;
            log.info("embedded MQTT broker stopped");
        }
    }

    private static void stopQuietly(Server broker) {
        try {
            broker.stopServer();
        } catch (RuntimeException e) {
            log.debug("stopping the embedded broker: {}", e.toString());
        }
    }

    /** The port it listens on (the real one when 0 was asked for). */
    public int port() {
        return port;
    }

    public String host() {
        return host;
    }

    /** The URL clients connect to. */
    public String uri() {
        return "tcp://" + host + ":" + port;
    }
}
