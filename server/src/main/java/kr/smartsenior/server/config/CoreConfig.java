package kr.smartsenior.server.config;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import kr.smartsenior.protocol.ProtocolCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Shared infrastructure: the database pool, the protocol codec and the clock. */
@Configuration(proxyBeanMethods = false)
class CoreConfig {

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(SscProperties properties) {
        return DataSources.create(properties.db(), properties.dataPath());
    }

    @Bean
    ProtocolCodec protocolCodec() {
        return new ProtocolCodec();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
