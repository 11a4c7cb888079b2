package kr.smartsenior.server.security;

/**
 * What an account may do: an {@link #ADMIN} (the district IT team) sees every site and administers
 * accounts, devices and the audit log; a {@link #STAFF} account (a social worker) sees only the sites
 * it is assigned to. Stored by name in {@code staff_account.role}.
 */
public enum Role {
    ADMIN,
    STAFF
}
