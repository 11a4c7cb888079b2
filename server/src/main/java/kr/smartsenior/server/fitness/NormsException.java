package kr.smartsenior.server.fitness;

/** A norms data file is missing or wrong: the server must not start with it. */
final class NormsException extends IllegalStateException {

    NormsException(String file, int line, String message) {
        super("norms file " + file + (line > 0 ? " line " + line : "") + ": " + message);
    }
}
