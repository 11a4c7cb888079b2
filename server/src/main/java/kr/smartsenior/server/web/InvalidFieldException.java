package kr.smartsenior.server.web;

/** One field of a request is wrong in a way only the database can tell (an unknown site): 400. */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
