package kr.smartsenior.edge.update;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Installs a downloaded, checksum-verified bundle with {@code ssc-update.sh}, which checks the signature,
 * switches, restarts the kiosk and rolls back if it does not stay up. On a Pi that restart ends this
 * process: the outcome is read by the next one ({@link #outcome()}), so an installer only starts the
 * installation and keeps its result where the kiosk finds it after a restart.
 */
public interface Installer {

    /** Where the bundle ({@code bundle.tar.gz}) and its signature ({@code bundle.tar.gz.sig}) are put before {@link #install}. */
    Path workDir();

    /** Starts installing the bundle in {@link #workDir()}; returns once the request is handed over (or, simulated, done). */
    void install(String version) throws IOException;

    /** The result of the last installation, once there is one. */
    Optional<Outcome> outcome();

    /** Forgets the result (after it was reported). */
    void forget();

    /**
     * How {@code ssc-update.sh install} ended.
     *
     * @param exitCode its exit code: 0 installed and stayed up, 1 refused or rolled back, 2 unusable request
     * @param log      what it wrote ("ssc-update: ..." lines)
     */
    record Outcome(int exitCode, String log) {
    }
}
