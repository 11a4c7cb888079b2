/**
 * The server's MQTT link: {@link kr.smartsenior.server.mqtt.BrokerConnection} (publish, subscribe;
 * implemented on Paho, connecting on the {@code ssc-mqtt-connect} thread) and, when no broker URL is
 * configured, the {@link kr.smartsenior.server.mqtt.EmbeddedBroker} (Moquette). Listeners are called on
 * Paho's thread and must only hand work on.
 */
package kr.smartsenior.server.mqtt;
