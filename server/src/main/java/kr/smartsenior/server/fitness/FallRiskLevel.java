package kr.smartsenior.server.fitness;

/** Overall fall risk from the flags: HIGH restricts the prescription, ELEVATED adds balance emphasis. */
public enum FallRiskLevel {
    /** none of the fall-risk tests has a result in the last 12 months */
    UNKNOWN,
    LOW,
    ELEVATED,
    HIGH
}
