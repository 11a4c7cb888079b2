package kr.smartsenior.server.provisioning;

import java.util.List;

/** Enrollment by code on SQLite (the file in the server's data folder), with the embedded broker. */
class EnrollmentSqliteIT extends EnrollmentScenarios {

    @Override
    String databaseUrl(List<Runnable> cleanups) {
        return "";
    }
}
