package kr.smartsenior.server.ingest;

/**
 * Publish-to-ack times of the benchmark in a fixed histogram (1 ms buckets up to 60 s, then one
 * overflow bucket), so memory stays the same however long the run.
 */
final class AckLatencies {

    private static final int BUCKETS = 60_001;
    private final long[] counts = new long[BUCKETS + 1];
    private long total;

    synchronized void add(long nanos) {
        int ms = (int) Math.min(BUCKETS, Math.max(0, nanos / 1_000_000));
        counts[ms]++;
        total++;
    }

    synchronized void clear() {
        java.util.Arrays.fill(counts, 0);
        total = 0;
    }

    synchronized long count() {
        return total;
    }

    /** The percentile in milliseconds (upper edge of its bucket), or NaN without samples. */
    synchronized double percentile(double p) {
        if (total == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(p / 100.0 * total);
        long seen = 0;
        for (int ms = 0; ms < counts.length; ms++) {
            seen += counts[ms];
            if (seen >= Math.max(1, rank)) {
                return ms + 1;
            }
        }
        return BUCKETS;
    }

    String summary() {
        return "ack p50 %.0f ms, p95 %.0f ms, p99 %.0f ms (%d batches)".formatted(percentile(50), percentile(95),
                percentile(99), count());
    }
}
