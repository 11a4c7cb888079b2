/**
 * Protocol v1: the contract between a kiosk and the server.
 *
 * <p>Topic names ({@link Topics}), the messages carried on them ({@link MeasurementBatch},
 * {@link Ack}, {@link DeviceStatus}, {@link Roster}, {@link DeviceConfig}), the JSON codec
 * ({@link ProtocolCodec}) and the catalogue of fitness tests and exercise programs with their units
 * and plausible ranges ({@link MeasurementCode}). The codec never throws on hostile input: it
 * answers with a {@link Decoded} that is either a value or a precise reason.
 *
 * <p>The human-readable specification is {@code docs/protocol.md}; keep both in step.
 */
package kr.smartsenior.protocol;
