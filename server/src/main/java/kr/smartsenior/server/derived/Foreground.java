package kr.smartsenior.server.derived;

/**
 * Work of this instance that must not wait behind derived work: the ingest, whose acks kiosks wait
 * for (they re-send after 2 s). While it is busy the derived worker takes only its share of the
 * processor (decision 0043); derived work is coalesced and can wait, an ack cannot.
 */
public interface Foreground {

    /** Whether this work has been running just now (the last second or so). */
    boolean busy();
}
