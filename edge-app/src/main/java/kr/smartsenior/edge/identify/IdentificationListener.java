package kr.smartsenior.edge.identify;

/** Told every decision about a scanned card (one per scan: repeats of the same card are folded). */
@FunctionalInterface
public interface IdentificationListener {

    /**
     * Called on the identifier's own thread, one at a time: hand the result to the screen (e.g.
     * {@code Platform.runLater}) and return quickly.
     */
    void identified(Identification result, Scan scan);

    /**
     * Where and when a card was seen.
     *
     * @param source        {@code camera}, {@code scanner} or what the caller named it
     * @param capturedNanos {@link System#nanoTime()} when the frame or the last key arrived
     */
    record Scan(String source, long capturedNanos) {
    }
}
