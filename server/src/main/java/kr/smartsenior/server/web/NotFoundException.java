package kr.smartsenior.server.web;

/**
 * The request names something that does not exist, or that the account may not know of: answered
 * with 404. {@link #site} and {@link #member} word every "no such" answer alike, so an id outside the
 * account's sites reads exactly as an unknown one.
 */
public class NotFoundException extends RuntimeException {

    private static final int SHOWN = 20;

    public NotFoundException(String message) {
        super(message);
    }

    /** "no site with id …" for an id as typed. */
    public static NotFoundException site(String typedId) {
        return new NotFoundException("no site with id " + printable(typedId));
    }

    /** "no member with id …" for an id as typed. */
    public static NotFoundException member(String typedId) {
        return new NotFoundException("no member with id " + printable(typedId));
    }

    /** An id as typed, safe to echo: other characters as {@code ?}, at most {@value #SHOWN} shown. */
    public static String printable(String text) {
        if (text == null) {
            return "null";
        }
        String clean = text.replaceAll("[^A-Za-z0-9_-]", "?");
        return clean.length() > SHOWN ? clean.substring(0, SHOWN) + "…" : clean;
    }
}
