package kr.smartsenior.protocol;

/**
 * The outcome of decoding untrusted bytes: a value, or a precise reason why there is none.
 * Decoding never throws on hostile input.
 */
public sealed interface Decoded<T> {

    /** The bytes held a valid message. */
    record Ok<T>(T value) implements Decoded<T> {
    }

    /** The bytes did not hold a valid message; {@code reason} says why, for logs and counters. */
    record Malformed<T>(String reason) implements Decoded<T> {
    }
}
