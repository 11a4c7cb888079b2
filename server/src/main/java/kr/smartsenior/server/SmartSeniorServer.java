package kr.smartsenior.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The central server: MQTT ingest of kiosk measurements, the member registry and the staff API.
 * With no settings it runs an embedded MQTT broker and a SQLite file under {@code ./data}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SmartSeniorServer {

    public static void main(String[] args) {
        SpringApplication.run(SmartSeniorServer.class, args);
    }
}
