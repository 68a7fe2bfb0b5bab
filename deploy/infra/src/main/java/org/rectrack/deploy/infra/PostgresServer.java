package org.rectrack.deploy.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server from the embedded binaries on Maven Central, run as a child process.
 *
 * <p>Everything about one server lives in its home directory: the data under {@code data/} (kept across
 * restarts) and the server's output in {@code postgres.log}.
 */
public final class PostgresServer {

    public static final String USER = "rectrack";
    public static final String PASSWORD = "rectrack";

    private static final System.Logger LOG = System.getLogger(PostgresServer.class.getName());
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final String DUPLICATE_DATABASE = "42P04";

    /*
     * Runs postgres and a watchdog on this JVM's end of a pipe: when the JVM goes, even killed, the pipe
     * closes and the watchdog asks postgres for a fast shutdown, so no server outlives its owner.
     */
    private static final String SUPERVISED = """
            exec 3<&0
            "$0" "$@" 3<&- </dev/null &
            pid=$!
            ( read -r _ <&3; kill -INT "$pid" ) 2>/dev/null &
            wait "$pid"
            """;

    private final Path home;
    private final int port;
    private Process supervisor;

    private PostgresServer(Path home, int port) {
        this.home = home;
        this.port = port;
    }

    /**
     * Starts a server whose data lives under {@code home}, listening on loopback {@code port} (0 picks a free
     * one). The first start creates the data directory; later starts keep what is in it.
     */
    public static PostgresServer start(Path home, int port) {
        PostgresServer server = new PostgresServer(home, FreePorts.orFree(port));
        server.start();
        return server;
    }

    /** The server running on {@code port} with its data under {@code home}, started by another class loader. */
    public static PostgresServer attach(Path home, int port) {
        return new PostgresServer(home, port);
    }

    public int port() {
        return port;
    }

    public Path home() {
        return home;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates the database unless it exists; returns whether this call created it. */
    public boolean createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = connect("postgres");
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            if (exists.executeQuery().next()) {
                return false;
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + name);
                return true;
            }
        } catch (SQLException e) {
            if (DUPLICATE_DATABASE.equals(e.getSQLState())) {
                return false; // created at the same moment by someone else: it exists, as asked
            }
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    /** Stops the server with a fast shutdown (open sessions are ended); the data stays for the next start. */
    public synchronized void stop() {
        if (Files.exists(data().resolve("postmaster.pid"))) {
            run(List.of(PostgresBinaries.bin("pg_ctl"), "stop", "-D", data().toString(), "-m", "fast", "-w", "-t", "60"));
        }
        if (supervisor != null) {
            try {
                supervisor.getOutputStream().close();
                supervisor.waitFor(10, TimeUnit.SECONDS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            supervisor = null;
        }
    }

    private synchronized void start() {
        FreePorts.requireFree(port);
        Instant begin = Instant.now();
        if (!Files.exists(data().resolve("PG_VERSION"))) {
            initdb();
        }
        // setsid: a new session, so that Ctrl-C in a terminal reaches the owner, which stops the server in order.
        List<String> postgres = List.of("setsid", "sh", "-c", SUPERVISED, PostgresBinaries.bin("postgres"),
                "-D", data().toString(),
                "-p", Integer.toString(port),
                "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories=",
                "-c", "max_connections=200",
                "-c", "timezone=UTC");
        try {
            supervisor = new ProcessBuilder(PostgresBinaries.unprivileged(postgres))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("postgres.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL in " + home, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "postgres-stop"));
        awaitReady();
        LOG.log(System.Logger.Level.INFO, "PostgreSQL on port %d started in %d ms"
                .formatted(port, Duration.between(begin, Instant.now()).toMillis()));
    }

    private void initdb() {
        try {
            Files.createDirectories(home);
            Path passwordFile = Files.writeString(home.resolve("initdb.password"), PASSWORD);
            try {
                run(List.of(PostgresBinaries.bin("initdb"), "-D", data().toString(),
                        "-U", USER, "--pwfile=" + passwordFile,
                        "-E", "UTF8", "--locale=C",
                        // Skips a second of fsync calls; a machine crash during the very first start is the only risk.
                        "--no-sync",
                        "--auth-local=trust", "--auth-host=scram-sha-256"));
            } finally {
                Files.delete(passwordFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the PostgreSQL data directory in " + home, e);
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (true) {
            try (Connection ignored = connect("postgres")) {
                return;
            } catch (SQLException notYet) {
                if (!supervisor.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("PostgreSQL did not start; see " + home.resolve("postgres.log"), notYet);
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while PostgreSQL started", e);
            }
        }
    }

    private Connection connect(String database) throws SQLException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl(database));
        dataSource.setUser(USER);
        dataSource.setPassword(PASSWORD);
        dataSource.setConnectTimeout(2);
        return dataSource.getConnection();
    }

    private Path data() {
        return home.resolve("data").toAbsolutePath();
    }

    /** Runs a PostgreSQL tool to its end; its output goes to postgres.log. */
    private void run(List<String> command) {
        try {
            Process tool = new ProcessBuilder(PostgresBinaries.unprivileged(command))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("postgres.log").toFile()))
                    .start();
            if (tool.waitFor() != 0) {
                throw new IllegalStateException(command.getFirst() + " failed; see " + home.resolve("postgres.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.getFirst(), e);
        }
    }
}
