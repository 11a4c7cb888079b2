package kr.smartsenior.server.ingest;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Simulates a crash between commit and ack: the first ack of every batch whose id starts with
 * {@value #PREFIX} is lost. Deliberately not a {@code @Configuration}, so component scanning never
 * picks it up; pass it to {@code TestServer} as a source.
 */
class DropFirstAck {

    static final String PREFIX = "drop-";

    @Bean
    @Primary
    AckPublisher droppingFirstAck(MqttAckPublisher real) {
        Set<String> dropped = ConcurrentHashMap.newKeySet();
        return (siteId, deviceId, ack) -> {
            if (ack.batchId().startsWith(PREFIX) && dropped.add(ack.batchId())) {
                return;
            }
            real.publish(siteId, deviceId, ack);
        };
    }
}
