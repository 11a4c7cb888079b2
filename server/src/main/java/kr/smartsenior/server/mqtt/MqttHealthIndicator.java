package kr.smartsenior.server.mqtt;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** Health is DOWN while the server has no connection to its MQTT broker. */
final class MqttHealthIndicator implements HealthIndicator {

    private final BrokerConnection connection;

    MqttHealthIndicator(BrokerConnection connection) {
        this.connection = connection;
    }

    @Override
    public Health health() {
        return connection.isConnected() ? Health.up().build() : Health.down().withDetail("broker", "not connected")
                .build();
    }
}
