package kr.smartsenior.server.security;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import kr.smartsenior.server.audit.AuditLog;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * For {@code @WebMvcTest} slices of other packages ({@code @Import(SecuritySlice.class)}): the real
 * filter chains, problem responses and {@link SiteAccess}, signing in with HTTP Basic as the API
 * does, over three accounts given here instead of the database: {@link #staffOfSiteA()} is assigned
 * to {@link #SITE_A} only, {@link #staffOfSiteB()} to {@link #SITE_B} only, and {@link #admin()} sees
 * every site.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({SecurityConfig.class, ProblemResponses.class, SiteAccess.class})
public class SecuritySlice {

    public static final String SITE_A = "site-a";
    public static final String SITE_B = "site-b";
    private static final String KIM = "kim";
    private static final String PARK = "park";
    private static final String ADMIN = "admin";
    private static final String PASSWORD = "slice-password-1";

    @Bean
    AccessProperties accessProperties() {
        return AccessProperties.defaults();
    }

    @Bean
    SignInThrottle signInThrottle() {
        return mock(SignInThrottle.class); // never waits
    }

    @Bean
    ApiTokens apiTokens() {
        return mock(ApiTokens.class); // knows no token
    }

    /** A mock audit log (a test's own {@code @MockitoBean AuditLog} replaces it). */
    @Bean
    AuditLog auditLog() {
        return mock(AuditLog.class);
    }

    @Bean
    StaffAccounts staffAccounts() {
        String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
        StaffAccounts accounts = mock(StaffAccounts.class);
        // a new User each time: signing in erases the password of the one it was given
        when(accounts.loadUserByUsername(KIM)).thenAnswer(call -> account(KIM, hash, Role.STAFF));
        when(accounts.loadUserByUsername(PARK)).thenAnswer(call -> account(PARK, hash, Role.STAFF));
        when(accounts.loadUserByUsername(ADMIN)).thenAnswer(call -> account(ADMIN, hash, Role.ADMIN));
        when(accounts.sites(KIM)).thenReturn(List.of(SITE_A));
        when(accounts.sites(PARK)).thenReturn(List.of(SITE_B));
        return accounts;
    }

    private static UserDetails account(String name, String hash, Role role) {
        return User.withUsername(name).password(hash).roles(role.name()).build();
    }

    /** Signed in as a STAFF account assigned to {@link #SITE_A}. */
    public static RequestPostProcessor staffOfSiteA() {
        return basic(KIM);
    }

    /** Signed in as a STAFF account assigned to {@link #SITE_B}. */
    public static RequestPostProcessor staffOfSiteB() {
        return basic(PARK);
    }

    /** Signed in as an ADMIN account. */
    public static RequestPostProcessor admin() {
        return basic(ADMIN);
    }

    /** The user name {@link #staffOfSiteA()} signs in with (as the audit log names it). */
    public static String staffOfSiteAName() {
        return KIM;
    }

    private static RequestPostProcessor basic(String name) {
        String credentials = Base64.getEncoder().encodeToString((name + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Basic " + credentials);
            return request;
        };
    }
}
