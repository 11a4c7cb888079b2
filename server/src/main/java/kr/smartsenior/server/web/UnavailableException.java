package kr.smartsenior.server.web;

/** The server cannot do this now for a reason staff or admins can fix (a missing font): answered with 503. */
public class UnavailableException extends RuntimeException {

    public UnavailableException(String message) {
        super(message);
    }
}
