package org.rectrack.deploy.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {

    @TempDir
    Path home;

    @Test
    void createsDatabaseOnceAndRoundTripsLaoText() throws SQLException {
        PostgresServer postgres = timedStart(home);
        try {
            assertTrue(postgres.createDatabase("lao_text"), "first call creates");
            assertFalse(postgres.createDatabase("lao_text"), "second call finds it");

            execute(postgres, "lao_text", "CREATE TABLE greeting (text TEXT NOT NULL)");
            insertGreeting(postgres, "lao_text", "ສະບາຍດີ");
            assertEquals("ສະບາຍດີ", readGreeting(postgres, "lao_text"));
        } finally {
            postgres.stop();
        }
    }

    @Test
    void dataSurvivesARestart() throws SQLException {
        PostgresServer first = timedStart(home);
        first.createDatabase("kept");
        execute(first, "kept", "CREATE TABLE greeting (text TEXT NOT NULL)");
        insertGreeting(first, "kept", "still here");
        first.stop();

        PostgresServer second = timedStart(home);
        try {
            assertFalse(second.createDatabase("kept"), "the database is still there");
            assertEquals("still here", readGreeting(second, "kept"));
        } finally {
            second.stop();
        }
    }

    private static PostgresServer timedStart(Path home) {
        long begin = System.nanoTime();
        PostgresServer postgres = PostgresServer.start(home, 0);
        System.out.printf("PostgreSQL startup: %d ms%n", (System.nanoTime() - begin) / 1_000_000);
        return postgres;
    }

    private static Connection connect(PostgresServer postgres, String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(), postgres.password());
    }

    private static void execute(PostgresServer postgres, String database, String sql) throws SQLException {
        try (Connection connection = connect(postgres, database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void insertGreeting(PostgresServer postgres, String database, String text) throws SQLException {
        try (Connection connection = connect(postgres, database);
             PreparedStatement insert = connection.prepareStatement("INSERT INTO greeting (text) VALUES (?)")) {
            insert.setString(1, text);
            insert.executeUpdate();
        }
    }

    private static String readGreeting(PostgresServer postgres, String database) throws SQLException {
        try (Connection connection = connect(postgres, database);
             Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT text FROM greeting")) {
            assertTrue(rows.next(), "one row");
            return rows.getString(1);
        }
    }
}
