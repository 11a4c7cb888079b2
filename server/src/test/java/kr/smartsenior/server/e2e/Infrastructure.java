package kr.smartsenior.server.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import kr.smartsenior.server.testsupport.TestServer;

/**
 * The broker and database one end-to-end scenario runs on. They outlive the servers started on
 * them, so a test can stop a server and start another on the same data, as after a crash.
 */
interface Infrastructure extends AutoCloseable {

    /** Starts a server on this broker and database (the same ones every time). */
    TestServer startServer(Class<?>... sources);

    /** The broker URL a kiosk connects to. */
    String kioskBrokerUrl();

    /** Stops the broker abruptly and starts it again on the same address. */
    void restartBroker();

    /** The ids stored in the server's database for a site, read directly (works with no server running). */
    List<String> storedIds(String siteId);

    @Override
    void close();

    /** The measurement ids stored for a site in the database at this JDBC URL. */
    static List<String> storedIds(String jdbcUrl, String siteId) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                PreparedStatement query = connection.prepareStatement("SELECT id FROM measurement WHERE site_id = ?")) {
            query.setString(1, siteId);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
