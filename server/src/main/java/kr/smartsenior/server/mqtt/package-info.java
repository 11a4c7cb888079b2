/**
 * The server's MQTT link: {@link kr.smartsenior.server.mqtt.BrokerConnection} (publish, subscribe;
 * implemented on the HiveMQ MQTT client, decision 0044) and, when no broker URL is configured, the
 * {@link kr.smartsenior.server.mqtt.EmbeddedBroker} (Moquette). Listeners are called on the client's
 * callback thread and must only hand work on.
 */
package kr.smartsenior.server.mqtt;
