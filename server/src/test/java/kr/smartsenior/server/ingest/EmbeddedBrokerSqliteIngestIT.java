package kr.smartsenior.server.ingest;

import kr.smartsenior.server.testsupport.TestServer;

/** The ingest scenarios on the zero-install defaults: embedded Moquette and a SQLite file. */
class EmbeddedBrokerSqliteIngestIT extends IngestScenarios {

    @Override
    TestServer startServer() {
        return TestServer.embedded(DropFirstAck.class);
    }
}
