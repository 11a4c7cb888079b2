package kr.smartsenior.server.mqtt;

import java.time.Clock;
import java.util.Map;
import kr.smartsenior.server.config.SscProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** The broker connection, and the embedded broker when no external one is configured. */
@Configuration(proxyBeanMethods = false)
class MqttConfig {

    /** Set once the embedded broker listens, like Spring Boot's {@code local.server.port}. */
    static final String LOCAL_MQTT_PORT = "local.mqtt.port";

    @Bean(destroyMethod = "stop")
    @Conditional(NoBrokerUrl.class)
    EmbeddedBroker embeddedBroker(SscProperties properties, ConfigurableEnvironment environment) {
        EmbeddedBroker broker = new EmbeddedBroker(properties.mqtt().host(), properties.mqtt().port(),
                properties.dataPath());
        broker.start();
        environment.getPropertySources().addFirst(
                new MapPropertySource("embeddedMqtt", Map.of(LOCAL_MQTT_PORT, broker.port())));
        return broker;
    }

    @Bean
    HiveMqBrokerConnection brokerConnection(SscProperties properties, ObjectProvider<EmbeddedBroker> embedded,
            Clock clock) {
        EmbeddedBroker broker = embedded.getIfAvailable();
        String url = broker != null ? broker.uri() : properties.mqtt().url();
        return new HiveMqBrokerConnection(url, properties.mqtt(), clock);
    }

    @Bean
    MqttHealthIndicator mqttHealthIndicator(BrokerConnection connection) {
        return new MqttHealthIndicator(connection);
    }

    static final class NoBrokerUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("ssc.mqtt.url"));
        }
    }
}
