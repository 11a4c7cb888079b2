package kr.smartsenior.protocol;

/** Why an update ended {@link UpdateStep#FAILED} or {@link UpdateStep#ROLLED_BACK}; the report's detail says more. */
public enum UpdateProblem {
    /** The bundle or its signature could not be fetched (network, refused credentials, not found). */
    DOWNLOAD_FAILED,
    /** The downloaded bundle is not the one the command names (SHA-256 or size): not installed. */
    CHECKSUM_MISMATCH,
    /** The installer refused the bundle's signature against the kiosk's update key: nothing changed. */
    SIGNATURE_REFUSED,
    /** The new version did not stay up and the previous one runs again. */
    DID_NOT_STAY_UP,
    /** The installer failed for another reason (disk full, a malformed bundle); the detail says which. */
    INSTALL_FAILED
}
