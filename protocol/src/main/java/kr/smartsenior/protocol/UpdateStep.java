package kr.smartsenior.protocol;

/**
 * Where a kiosk is with an update it was told of ({@link UpdateReport}), in the order it passes them. The
 * last three end the update; every other step is on the way.
 */
public enum UpdateStep {
    /** The command arrived and was taken (the kiosk was not running this version already). */
    RECEIVED,
    /** Fetching the bundle and its signature from the server. */
    DOWNLOADING,
    /** The bundle's SHA-256 is the command's; handed on for the signature check. */
    VERIFIED,
    /** The installer ({@code ssc-update.sh}) checks the signature, switches and restarts the kiosk. */
    INSTALLING,
    /** The kiosk runs the new version and stayed up (or already ran it). */
    HEALTHY,
    /** The new version did not stay up: the installer switched back to the one before. */
    ROLLED_BACK,
    /** Nothing was installed (download, checksum or signature), or the installer failed otherwise. */
    FAILED;

    /** Whether the update is over for this kiosk. */
    public boolean finished() {
        return this == HEALTHY || this == ROLLED_BACK || this == FAILED;
    }

    /** Whether it is over and the kiosk does not run the new version. */
    public boolean failed() {
        return this == ROLLED_BACK || this == FAILED;
    }
}
