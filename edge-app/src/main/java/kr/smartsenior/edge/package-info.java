/**
 * The kiosk: {@link kr.smartsenior.edge.Kiosk} ties the local store to sync and is the one entry point
 * for recording results; {@link kr.smartsenior.edge.KioskSettings} says where and how;
 * {@link kr.smartsenior.edge.KioskMain} runs it from the command line.
 *
 * <p>Threads: callers of {@code Kiosk.record} (the UI's controller, the simulator) write to SQLite and
 * return; {@code ssc-outbox-drainer} sends and applies acks; {@code ssc-mqtt-link} owns the
 * connection; {@code ssc-kiosk-channels} subscribes and publishes the status; MQTT client callbacks
 * only hand work over.
 */
package kr.smartsenior.edge;
