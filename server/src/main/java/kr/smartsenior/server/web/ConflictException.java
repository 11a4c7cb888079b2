package kr.smartsenior.server.web;

/** The request would duplicate something that exists: answered with 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
