package kr.smartsenior.server.ingest;

import kr.smartsenior.server.testsupport.TestServer;

/**
 * The ingest scenarios on the production parts: the machine's Mosquitto (shared subscription of a
 * group of its own) and PostgreSQL (a fresh schema). Skipped when either is missing, unless
 * {@code SSC_REQUIRE_SERVICES=1}.
 */
class MosquittoPostgresIngestIT extends IngestScenarios {

    @Override
    TestServer startServer() {
        return TestServer.mosquittoPostgres(DropFirstAck.class);
    }
}
