package kr.smartsenior.server.staff;

import java.io.PrintStream;
import java.security.SecureRandom;
import kr.smartsenior.server.config.SscProperties;
import kr.smartsenior.server.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Makes sure the first admin account ({@code admin}) exists. Its password is
 * {@code SSC_ADMIN_PASSWORD}, or a generated one printed once to standard output. An existing admin
 * is never changed.
 */
@Component
final class AdminBootstrap implements InitializingBean {

    static final String ADMIN_USER = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int GENERATED_LENGTH = 20;

    private final StaffRepository accounts;
    private final PasswordEncoder encoder;
    private final SscProperties properties;
    private final PrintStream out = System.out;

    AdminBootstrap(StaffRepository accounts, PasswordEncoder encoder, SscProperties properties) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        if (accounts.exists(ADMIN_USER)) {
            if (properties.admin().password() != null) {
                log.info("admin account exists; SSC_ADMIN_PASSWORD is not applied to it");
            }
            return;
        }
        String given = properties.admin().password();
        String password = given != null ? given : generate();
        if (!accounts.add(ADMIN_USER, encoder.encode(password), Role.ADMIN.name())) {
            return; // another server instance created it first
        }
        if (given != null) {
            log.info("created the admin account with the password from SSC_ADMIN_PASSWORD");
            return;
        }
        log.info("created the admin account with a generated password (printed once to standard output)");
        out.println();
        out.println("==================================================================");
        out.println("  Smart Senior Center: the first admin account was created.");
        out.println("    user:     " + ADMIN_USER);
        out.println("    password: " + password);
        out.println("  Keep it safe: it is shown only this once.");
        out.println("==================================================================");
        out.println();
        out.flush();
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}
