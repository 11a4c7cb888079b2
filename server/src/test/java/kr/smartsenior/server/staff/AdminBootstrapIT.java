package kr.smartsenior.server.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.smartsenior.server.config.SscProperties;
import kr.smartsenior.server.testsupport.TestDatabase;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The first admin account, the same on SQLite and PostgreSQL. */
@Timeout(60)
class AdminBootstrapIT {

    private static final String BOTH = "kr.smartsenior.server.testsupport.TestDatabase#both";
    private final PasswordEncoder encoder = new BCryptPasswordEncoder(4);

    @ParameterizedTest
    @MethodSource(BOTH)
    void generatesAPasswordPrintsItOnceAndNeverChangesAnExistingAdmin(Supplier<TestDatabase> database) {
        try (TestDatabase db = database.get()) {
            StaffRepository accounts = new StaffRepository(JdbcClient.create(db.dataSource()), Clock.systemUTC());

            String printed = run(accounts, null);
            Matcher password = Pattern.compile("password: (\\S+)").matcher(printed);
            assertThat(password.find()).as(printed).isTrue();
            assertThat(password.group(1)).hasSize(20);
            assertThat(encoder.matches(password.group(1), hash(db))).isTrue();

            String again = run(accounts, "another-password");
            assertThat(again).doesNotContain("password:");
            assertThat(encoder.matches(password.group(1), hash(db))).isTrue();
            assertThat(accounts.find("admin").orElseThrow().role()).isEqualTo("ADMIN");
        }
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void usesTheGivenPasswordAndPrintsNothing(Supplier<TestDatabase> database) {
        try (TestDatabase db = database.get()) {
            StaffRepository accounts = new StaffRepository(JdbcClient.create(db.dataSource()), Clock.systemUTC());

            assertThat(run(accounts, "s3cret-from-env")).doesNotContain("password:").doesNotContain("s3cret");

            assertThat(encoder.matches("s3cret-from-env", hash(db))).isTrue();
        }
    }

    private String run(StaffRepository accounts, String password) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            SscProperties properties = new SscProperties(null, null, null, new SscProperties.Admin(password));
            new AdminBootstrap(accounts, encoder, properties).afterPropertiesSet();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static String hash(TestDatabase db) {
        return JdbcClient.create(db.dataSource()).sql("SELECT password_hash FROM staff_account WHERE username = 'admin'")
                .query(String.class).single();
    }
}
