package kr.smartsenior.server.provisioning;

import java.util.List;
import kr.smartsenior.server.testsupport.RequiredServices;

/**
 * Enrollment by code on PostgreSQL, as in production: a fresh schema of its own (dropped afterwards),
 * with the embedded broker (the scenarios are about the database). Skips when PostgreSQL is missing,
 * fails then with {@code SSC_REQUIRE_SERVICES=1}.
 */
class EnrollmentPostgresIT extends EnrollmentScenarios {

    @Override
    String databaseUrl(List<Runnable> cleanups) {
        RequiredServices.PostgresSchema schema = RequiredServices.freshPostgresSchema();
        cleanups.add(schema::drop);
        return schema.jdbcUrl();
    }
}
