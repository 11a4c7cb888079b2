package kr.smartsenior.server.derived;

/** What derived work a row of the queue stands for; its key is the member's or the site's id. */
public enum WorkKind {
    /** Re-evaluate and re-prescribe one member (key: member id). */
    PRESCRIBE,
    /** Derive one member's alerts afresh (key: member id). */
    ALERTS,
    /** Build and publish one site's roster (key: site id). */
    ROSTER
}
