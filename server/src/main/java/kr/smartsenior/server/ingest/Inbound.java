package kr.smartsenior.server.ingest;

import java.time.Instant;

/** One MQTT message as it arrived, waiting for the ingest worker. */
record Inbound(String topic, byte[] payload, Instant arrivedAt) {
}
