package kr.smartsenior.server.security;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Staff and admin accounts as signing in sees them: the {@code staff_account} table (no account is
 * ever locked for everyone: wrong passwords slow down their source address, see {@link SignInThrottle};
 * a disabled account loads as disabled), and the sites a STAFF account is assigned to
 * ({@code staff_site}) for {@link SiteAccess}. Accounts are created in {@code staff}.
 */
@Component
final class StaffAccounts implements UserDetailsService {

    private final JdbcClient jdbc;

    StaffAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("SELECT username, password_hash, role, disabled FROM staff_account WHERE username = ?")
                .param(username)
                .query((rs, n) -> User.withUsername(rs.getString("username"))
                        .password(rs.getString("password_hash"))
                        .roles(rs.getString("role"))
                        .disabled(rs.getInt("disabled") != 0)
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    boolean exists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM staff_account WHERE username = ?").param(username)
                .query(Long.class).single() > 0;
    }

    /** The sites a STAFF account is assigned to, sorted. */
    List<String> sites(String username) {
        return jdbc.sql("SELECT site_id FROM staff_site WHERE username = ? ORDER BY site_id").param(username)
                .query(String.class).list();
    }
}
