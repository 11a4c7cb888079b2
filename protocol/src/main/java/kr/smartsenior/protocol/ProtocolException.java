package kr.smartsenior.protocol;

/** A message of ours could not be written; a programming error, never caused by input. */
public class ProtocolException extends RuntimeException {

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
