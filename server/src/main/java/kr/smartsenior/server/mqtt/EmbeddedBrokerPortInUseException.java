package kr.smartsenior.server.mqtt;

/** The embedded broker's port is taken by another process. */
final class EmbeddedBrokerPortInUseException extends RuntimeException {

    private final int port;

    EmbeddedBrokerPortInUseException(String host, int port, Throwable cause) {
        super("The embedded MQTT broker cannot listen on " + host + ":" + port + " because the port is in use;"
                + " set SSC_MQTT_PORT to a free port, or SSC_MQTT_URL=tcp://" + host + ":" + port
                + " to use the broker that is already there.", cause);
        this.port = port;
    }

    int port() {
        return port;
    }
}
