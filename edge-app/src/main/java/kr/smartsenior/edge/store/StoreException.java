package kr.smartsenior.edge.store;

/** The local database failed: disk full, file corrupt, written by a newer version, or closed. */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
