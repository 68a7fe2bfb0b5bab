package org.rectrack.deploy.infra.testing.fuzz;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@link Fingerprint} of a PostgreSQL database: per table of the {@code public} schema its row count and,
 * where it has a {@code version} column, the sum of the versions, so an insert, a delete and a version-bumping
 * update all show. Tables named as ignored (filled or emptied by background work) and Flyway's history are
 * left out. One query per fingerprint, on a connection kept open for the run.
 */
public final class DatabaseFingerprint implements Fingerprint, AutoCloseable {

    private final Connection connection;
    private final String query;

    private DatabaseFingerprint(Connection connection, String query) {
        this.connection = connection;
        this.query = query;
    }

    /**
     * Connects to the database at {@code jdbcUrl} and lists its tables now.
     *
     * @param ignoredTables tables that change without a request: an outbox, applied-event records, replicas
     * @throws IllegalStateException when the database cannot be reached
     */
    public static DatabaseFingerprint of(String jdbcUrl, String user, String password, Set<String> ignoredTables) {
        try {
            Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
            connection.setAutoCommit(true);
            Map<String, Boolean> tables = new LinkedHashMap<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select t.table_name, exists (select 1 from information_schema.columns c"
                            + " where c.table_schema = t.table_schema and c.table_name = t.table_name and c.column_name = 'version')"
                            + " from information_schema.tables t where t.table_schema = 'public' and t.table_type = 'BASE TABLE'"
                            + " order by t.table_name")) {
                while (rows.next()) {
                    String table = rows.getString(1);
                    if (!ignoredTables.contains(table) && !table.toLowerCase(Locale.ROOT).startsWith("flyway_")) {
                        tables.put(table, rows.getBoolean(2));
                    }
                }
            }
            if (tables.isEmpty()) {
                throw new IllegalStateException("no tables to fingerprint in " + jdbcUrl);
            }
            List<String> selects = new ArrayList<>();
            tables.forEach((table, versioned) -> selects.add("select '" + table + "', count(*), "
                    + (versioned ? "coalesce(sum(version), 0)" : "0") + " from \"" + table + "\""));
            return new DatabaseFingerprint(connection, selects.stream().collect(Collectors.joining(" union all ")));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot fingerprint " + jdbcUrl, e);
        }
    }

    @Override
    public Map<String, Object> take() {
        Map<String, Object> fingerprint = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                fingerprint.put(rows.getString(1) + " rows", rows.getLong(2));
                fingerprint.put(rows.getString(1) + " versions", rows.getLong(3));
            }
            return fingerprint;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take a fingerprint", e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
