package kr.smartsenior.server.staff;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code POST /api/staff}: a new dashboard/API account. The password rules are in
 * {@link PasswordPolicy}; the password is hashed at once and never logged or returned.
 */
record StaffRequest(
        @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,31}",
                message = "3-32 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit")
        String username,
        @NotNull @Size(max = PasswordPolicy.MAX_LENGTH) String password,
        @NotNull @Pattern(regexp = "STAFF|ADMIN", message = "STAFF or ADMIN") String role,
        @Size(max = 100) List<String> siteIds) {

    /** Everything but the password, for messages. */
    @Override
    public String toString() {
        return "StaffRequest[username=" + username + ", role=" + role + ", siteIds=" + siteIds + "]";
    }
}
