package org.rectrack.deploy.infra.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Takes the service's database away for a while, as a failover or a restart of PostgreSQL would: it refuses new
 * connections and ends the open ones, so the service's next statement fails and so does every attempt to
 * connect, until {@link #close()}. The service's data stays as it was. Found through the datasource settings
 * that {@link InfrastructureTestResource} returns:
 * <pre>{@code
 * try (DatabaseOutage outage = DatabaseOutage.begin()) {
 *     // … the service fails to reach its database …
 * }
 * // … and reaches it again
 * }</pre>
 */
public final class DatabaseOutage implements AutoCloseable {

    private final String serverUrl;
    private final String database;
    private final String user;
    private final String password;

    private DatabaseOutage(String serverUrl, String database, String user, String password) {
        this.serverUrl = serverUrl;
        this.database = database;
        this.user = user;
        this.password = password;
    }

    /**
     * Starts an outage of the database named by the running application's {@code quarkus.datasource.jdbc.url}.
     *
     * @throws IllegalStateException when the server cannot be told to refuse the database
     */
    public static DatabaseOutage begin() {
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        int slash = url.lastIndexOf('/');
        String database = url.substring(slash + 1).replaceAll("\\?.*", "");
        DatabaseOutage outage = new DatabaseOutage(url.substring(0, slash + 1) + "postgres", database,
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
        outage.allowConnections(false);
        outage.endSessions();
        return outage;
    }

    /** Ends the outage: the database accepts connections again. */
    @Override
    public void close() {
        allowConnections(true);
    }

    private void allowConnections(boolean allow) {
        execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS " + allow);
    }

    private void endSessions() {
        try (Connection connection = connect();
             PreparedStatement end = connection.prepareStatement(
                     "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            end.setString(1, database);
            end.executeQuery().close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot end the sessions of " + database, e);
        }
    }

    private Connection connect() throws SQLException {
        PGSimpleDataSource server = new PGSimpleDataSource();
        server.setURL(serverUrl);
        server.setUser(user);
        server.setPassword(password);
        server.setConnectTimeout(2);
        return server.getConnection();
    }

    private void execute(String sql) {
        try (Connection connection = connect();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql, e);
        }
    }
}
