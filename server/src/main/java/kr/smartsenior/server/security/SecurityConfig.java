package kr.smartsenior.server.security;

import kr.smartsenior.server.audit.AuditLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains on the same accounts ({@code staff_account}, BCrypt, growing delays after wrong
 * passwords by {@link SignInThrottle} and {@link SignInGate}):
 * <ul>
 * <li>{@code /api/**} and {@code /actuator/**}: credentials sent with each request, HTTP Basic or an
 * API token ({@link BearerTokens}), stateless; the session cookie is never read here (a browser's
 * cookie signs nothing in, so there is nothing to forge and no CSRF token), and a 401 carries no
 * Basic challenge ({@link ProblemResponses}); staff accounts, tokens, audit search, site creation,
 * provisioning and the fleet for admins only.</li>
 * <li>everything else, the dashboard: a sign-in form at {@code /login}, a session cookie (HttpOnly,
 * SameSite=Strict, {@code SSC_SESSION_TIMEOUT}), CSRF tokens on every form, sign-out.</li>
 * </ul>
 * In both, a state-changing request from another origin's page is refused first
 * ({@link CrossSiteRequests}). Which sites an account may see is decided in one place for both,
 * {@link SiteAccess}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    private static final String ADMIN = Role.ADMIN.name();
    static final String LOGIN_PAGE = "/login";
    static final String DENIED_PAGE = "/denied";

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ProblemResponses problems, SignInThrottle throttle,
            ApiTokens tokens, AuditLog audit, AccessProperties properties) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // a new kiosk has no account yet: it starts an enrollment and fetches its bundle with a token
                        .requestMatchers(HttpMethod.POST, "/api/enrollments", "/api/enrollments/*/bundle").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/sites").hasRole(ADMIN)
                        // accounts and the audit log are the district IT team's
                        .requestMatchers("/api/staff", "/api/staff/**", "/api/audit", "/api/audit/**", "/api/district",
                                "/api/tokens", "/api/tokens/**").hasRole(ADMIN)
                        // rollout: provisioning, revoking, remote configuration and the fleet are for admins
                        // update campaigns (decision 0040): releases, campaigns, pausing and stopping
                        .requestMatchers("/api/updates", "/api/updates/**").hasRole(ADMIN)
                        .requestMatchers("/api/fleet", "/api/sites/*/devices", "/api/sites/*/config", "/api/devices/*/**",
                                "/api/enrollments/**")
                        .hasRole(ADMIN)
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new CrossSiteRequests(problems, audit, properties.allowedOrigins()), CsrfFilter.class)
                .addFilterBefore(new SignInGate(throttle, problems, null), BasicAuthenticationFilter.class)
                .addFilterBefore(new BearerTokens(tokens, throttle, problems, audit), BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                // only the credentials of the request itself: never the dashboard's session
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable());
        return http.build();
    }

    /**
     * Update bundles for kiosks ({@code /updates/bundles/**}, decision 0040): the device's own broker
     * credentials as HTTP Basic, checked by the {@code update} feature against the device table (staff
     * accounts are never tried here, so a kiosk's requests never feed the staff sign-in delays); no
     * session, no CSRF (GET only).
     */
    @Bean
    @Order(0)
    SecurityFilterChain deviceDownloadChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/updates/bundles/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.GET, "/updates/bundles/**").permitAll()
                        .anyRequest().denyAll())
                .csrf(csrf -> csrf.disable())
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain dashboardChain(HttpSecurity http, ProblemResponses problems, SignInThrottle throttle,
            AuditLog audit, AccessProperties properties) throws Exception {
        AccessDeniedHandlerImpl page = new AccessDeniedHandlerImpl();
        page.setErrorPage(DENIED_PAGE);
        AccessDeniedHandler denied = (request, response, refusal) -> {
            // a form without its CSRF token, or a page for admins only
            audit.record(ProblemResponses.actor(), refusal instanceof CsrfException ? AuditLog.REFUSED_CROSS_SITE
                    : AuditLog.REFUSED, null, null, request.getRemoteAddr());
            page.handle(request, response, refusal);
        };
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(LOGIN_PAGE, DENIED_PAGE, "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico")
                        .permitAll()
                        .requestMatchers("/admin/**").hasRole(ADMIN)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage(LOGIN_PAGE).defaultSuccessUrl("/", true)
                        .failureUrl(LOGIN_PAGE + "?error").permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl(LOGIN_PAGE + "?logout")
                        .deleteCookies("JSESSIONID"))
                .exceptionHandling(errors -> errors.accessDeniedHandler(denied))
                .addFilterBefore(new CrossSiteRequests(problems, audit, properties.allowedOrigins()), CsrfFilter.class)
                .addFilterBefore(new SignInGate(throttle, problems, LOGIN_PAGE), UsernamePasswordAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId())
                        .invalidSessionUrl(LOGIN_PAGE + "?timeout"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
