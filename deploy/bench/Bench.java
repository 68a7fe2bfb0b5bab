import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rectrack.deploy.infra.testing.TestTokens;

/**
 * The measuring half of {@code deploy/bench/run}, run as a single-file program on deploy/infra's classpath (the
 * Kafka client, the PostgreSQL driver and the development token signer are there already):
 * {@code java -cp deploy/infra/target/classes:$(cat deploy/infra/target/infra.classpath) deploy/bench/Bench.java
 * COMMAND}. Every command appends its figures to the results file ({@code BENCH_RESULTS}) as {@code key=value}
 * lines; {@code table} prints them as the one table, each figure beside its reference and goal, and writes the CSV.
 *
 * <p>Where it reaches the system: the environment of {@code deploy/bench/run} ({@code BENCH_GATEWAY},
 * {@code BENCH_RECOMMENDATIONS}, {@code BENCH_EVIDENCE} base URLs ending in {@code /api/v1}; {@code BENCH_KAFKA}
 * bootstrap servers; {@code BENCH_JDBC_GATEWAY} and {@code BENCH_DB_USER}, {@code BENCH_DB_PASSWORD};
 * {@code BENCH_ISSUER} the tokens' issuer). Traffic goes to 127.0.0.1 only: the script sets nothing else.
 */
public final class Bench {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** A recommendation's id in a report's answer (the owner's, or the gateway's): the id that precedes its code. */
    private static final Pattern RECOMMENDATION_ID = Pattern.compile(
            "\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"\\s*,\\s*(\"reportId\"\\s*:\\s*\"[0-9a-f-]{36}\"\\s*,\\s*)?\"code\"");
    private static final Map<String, String> TOKENS = new HashMap<>();

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: Bench.java load|verify|kafka|commit|report|rebuild|import|settle|token|table ...");
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "token" -> System.out.println(token(rest[0], rest.length > 1 ? rest[1] : ""));
            case "load" -> Loader.load(Integer.parseInt(rest[0]), Integer.parseInt(rest[1]), Integer.parseInt(rest[2]),
                    Integer.parseInt(rest[3]), Integer.parseInt(rest[4]), Integer.parseInt(rest[5]));
            case "verify" -> VerifyLatency.measure(Integer.parseInt(rest[0]));
            case "kafka" -> RawKafka.measure(Integer.parseInt(rest[0]));
            case "commit" -> Commit.measure(Integer.parseInt(rest[0]));
            case "report" -> Compliance.measure(rest[0], Integer.parseInt(rest[1]), Integer.parseInt(rest[2]));
            case "rebuild" -> Rebuild.measure();
            case "import" -> WholeReportImport.measure(Path.of(rest[0]), Integer.parseInt(rest[1]));
            case "settle" -> Settle.await(rest[0], Arrays.asList(rest[1].split(",")), rest[2]);
            case "table" -> Table.print(Path.of(rest[0]));
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Plumbing: settings, tokens, HTTP, JSON by pattern (no JSON library on this classpath), figures.

    static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set (deploy/bench/run sets it)");
        }
        return value.strip();
    }

    /** A development token for a role (and organisation), signed as deploy/local/token signs, cached per run. */
    static synchronized String token(String role, String org) {
        return TOKENS.computeIfAbsent(role + "/" + org, key -> TestTokens.builder(role, org)
                .issuer(System.getenv().getOrDefault("BENCH_ISSUER", TestTokens.ISSUER)).sign());
    }

    /** An HTTP answer: its status, body and headers. */
    record Answer(int status, String body, HttpHeaders headers) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    static Answer send(String method, String url, String token, String contentType, String body,
            Map<String, String> extra) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token);
        extra.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType)
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Answer get(String url, String token, String accept) {
        return send("GET", url, token, null, null, Map.of("Accept", accept));
    }

    static Answer expect(Answer answer, int... statuses) {
        for (int status : statuses) {
            if (answer.status() == status) {
                return answer;
            }
        }
        throw new IllegalStateException("answered " + answer.status() + ": "
                + answer.body().substring(0, Math.min(500, answer.body().length())));
    }

    /** The first string value of {@code "name": "…"} in a JSON text, or null. */
    static String string(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** Every number of {@code "name": 123} in a JSON text. */
    static List<Long> numbers(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\\d+)").matcher(json);
        List<Long> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(Long.parseLong(matcher.group(1)));
        }
        return found;
    }

    static List<String> recommendationIds(String json) {
        Matcher matcher = RECOMMENDATION_ID.matcher(json);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** Appends figures to the results file, one {@code key=value} line each. */
    static synchronized void record(Map<String, Object> figures) {
        StringBuilder lines = new StringBuilder();
        figures.forEach((key, value) -> lines.append(key).append('=').append(value).append('\n'));
        try {
            Files.writeString(Path.of(env("BENCH_RESULTS")), lines, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        figures.forEach((key, value) -> System.out.println("  " + key + " = " + value));
    }

    /** The value at a quantile (0.5, 0.99) of samples, by the nearest-rank method. */
    static double quantile(List<Double> samples, double q) {
        List<Double> sorted = samples.stream().sorted().toList();
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static Connection gatewayDatabase() throws SQLException {
        return DriverManager.getConnection(env("BENCH_JDBC_GATEWAY"), env("BENCH_DB_USER"), env("BENCH_DB_PASSWORD"));
    }

    /** Runs tasks on {@code concurrency} virtual threads at once; the first failure is thrown. */
    static <T> List<T> concurrently(int concurrency, List<Supplier<T>> tasks) throws InterruptedException {
        Semaphore permits = new Semaphore(concurrency);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Supplier<T> task : tasks) {
                permits.acquire();
                futures.add(threads.submit(() -> {
                    try {
                        return task.get();
                    } finally {
                        permits.release();
                    }
                }));
            }
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return results;
    }

    /** Sends until the owner answers other than 422 unknown-recommendation (its replica lags the publication). */
    static Answer retryingUnknown(Supplier<Answer> send) {
        for (int attempt = 0;; attempt++) {
            Answer answer = send.get();
            if (answer.status() != 422 || !answer.body().contains("unknown-recommendation") || attempt >= 300) {
                return answer;
            }
            try {
                Thread.sleep(100); // the replica applies the recommendations' events within moments
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * The volume: COUNTRIES x YEARS reports of RECOMMENDATIONS each, published by an admin straight to the
     * recommendations-service (POST /reports, 16 at a time); then EVIDENCE pieces of evidence with metrics, DENSE of
     * them on the first country's last year (the compliance report's), the others spread over every recommendation.
     * The first OVER_HTTP pieces are submitted by four NGOs straight to the evidence-service (POST /evidence with an
     * Idempotency-Key, 16 at a time), a fifth of them RESTRICTED, one in ten then verified by a reviewer: each goes
     * through the owner's rules and its outbox. The rest are copies of those, each on another recommendation, written
     * by {@link Copies} into the evidence-service's tables with their outbox events in the same transactions, so the
     * relay publishes them and the gateway applies them as any other: the evidence-service takes about a hundred
     * submissions a second on two cores, and 100,000 of them one by one would not fit the benchmark's ten minutes.
     * Then waits until the gateway's read model holds all of it.
     */
    static final class Loader {

        static final String[] ORGANISATIONS = { "bench-ngo-1", "bench-ngo-2", "bench-ngo-3", "bench-ngo-4" };
        static final int FIRST_YEAR = 2012;

        static void load(int countries, int years, int perReport, int evidence, int dense, int overHttp)
                throws Exception {
            String recommendationsApi = env("BENCH_RECOMMENDATIONS");
            String evidenceApi = env("BENCH_EVIDENCE");
            List<String> codes = countryCodes(countries);
            long started = System.nanoTime();

            List<Supplier<List<String>>> reports = new ArrayList<>();
            for (String country : codes) {
                for (int year = FIRST_YEAR; year < FIRST_YEAR + years; year++) {
                    int y = year;
                    reports.add(() -> recommendationIds(expect(send("POST", recommendationsApi + "/reports",
                            token("admin", ""), "application/json", report(country, y, perReport), Map.of()), 201)
                            .body()));
                }
            }
            List<List<String>> byReport = concurrently(16, reports);
            System.out.printf("  %d reports with %d recommendations each published in %.1f s%n", byReport.size(),
                    perReport, millisSince(started) / 1000);
            // The compliance report's country-year is the first country's last year: the last list of its country.
            List<String> denseRecommendations = byReport.get(years - 1);
            List<String> all = byReport.stream().flatMap(List::stream).toList();
            IntFunction<String> target = n -> n < dense ? denseRecommendations.get(n % denseRecommendations.size())
                    : all.get((int) ((n * 7919L) % all.size()));

            long evidenceStarted = System.nanoTime();
            int templates = Math.min(evidence, overHttp);
            List<Supplier<String>> submissions = new ArrayList<>();
            for (int i = 0; i < templates; i++) {
                int n = i;
                submissions.add(() -> {
                    String org = ORGANISATIONS[n % ORGANISATIONS.length];
                    Answer answer = retryingUnknown(() -> send("POST", evidenceApi + "/evidence", token("ngo", org),
                            "application/json", evidence(target.apply(n), n, n % 5 == 4),
                            Map.of("Idempotency-Key", UUID.randomUUID().toString())));
                    String id = string(expect(answer, 201).body(), "id");
                    if (n % 10 == 0) {
                        expect(send("POST", evidenceApi + "/evidence/" + id + "/verify", token("reviewer", ""), null,
                                null, Map.of()), 200);
                    }
                    return id;
                });
            }
            List<String> submitted = concurrently(16, submissions);
            System.out.printf("  %d pieces of evidence submitted over HTTP in %.1f s%n", templates,
                    millisSince(evidenceStarted) / 1000);
            if (evidence > templates) {
                long copiesStarted = System.nanoTime();
                Copies.write(submitted, templates, evidence, target);
                System.out.printf("  %d copies written with their outbox events in %.1f s%n", evidence - templates,
                        millisSince(copiesStarted) / 1000);
            }

            long caughtUp = System.nanoTime();
            awaitReadModel(all.size(), evidence);
            double total = millisSince(started) / 1000;
            System.out.printf("  the gateway's read model held all of it %.1f s later%n", millisSince(caughtUp) / 1000);
            long restricted = 0;
            for (int n = 0; n < evidence; n++) {
                restricted += (n % templates) % 5 == 4 ? 1 : 0;
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("load.countries", countries);
            figures.put("load.years", years);
            figures.put("load.recommendations", all.size());
            figures.put("load.evidence", evidence);
            figures.put("load.over_http", templates);
            figures.put("load.restricted", restricted);
            figures.put("load.seconds", fixed(total, 1));
            figures.put("dense.country", codes.get(0));
            figures.put("dense.year", FIRST_YEAR + years - 1);
            figures.put("dense.evidence", dense);
            // The diplomats' reads: a recommendation of a typical country-year (as much evidence as most have), and
            // its country-year's list; the submissions go to another one, so that they do not change what is read.
            int read = (int) ((dense * 7919L) % all.size());
            int readReport = read / perReport;
            figures.put("read.recommendation", all.get(read));
            figures.put("read.country", codes.get(readReport / years));
            figures.put("read.year", FIRST_YEAR + readReport % years);
            figures.put("submit.recommendation", all.get((read + 1) % all.size()));
            record(figures);
        }

        /** The first {@code count} ISO 3166-1 alpha-3 codes, in order. */
        static List<String> countryCodes(int count) {
            List<String> codes = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3).stream().sorted()
                    .limit(count).toList();
            if (codes.size() < count) {
                throw new IllegalArgumentException("only " + codes.size() + " country codes exist");
            }
            return codes;
        }

        static String report(String country, int year, int recommendations) {
            StringBuilder drafts = new StringBuilder();
            String[] pillars = { "PROSECUTION", "PROTECTION", "PREVENTION" };
            for (int rank = 1; rank <= recommendations; rank++) {
                drafts.append(rank == 1 ? "" : ",").append("{\"rank\":").append(rank).append(",\"pillars\":[\"")
                        .append(pillars[rank % 3]).append("\"],\"targetGroups\":[],\"text\":\"Recommendation ")
                        .append(rank).append(" to the government of ").append(country).append(" in ").append(year)
                        .append(": increase efforts to investigate and prosecute trafficking crimes.\"}");
            }
            return "{\"country\":\"" + country + "\",\"year\":" + year + ",\"tier\":\"TIER_2\","
                    + "\"publisher\":\"U.S. Department of State\",\"title\":\"" + year
                    + " Trafficking in Persons Report: " + country + "\",\"publishedOn\":\"" + year + "-06-15\","
                    + "\"recommendations\":[" + drafts + "]}";
        }

        static String evidence(String recommendation, int n, boolean restricted) {
            String[] assessments = { "ADVANCES", "ADVANCES", "FULFILLS", "NO_PROGRESS", "SETBACK" };
            return "{\"recommendations\":[{\"recommendationId\":\"" + recommendation + "\",\"assessment\":\""
                    + assessments[n % assessments.length] + "\"}],\"actionDate\":\"2023-0" + (1 + n % 9) + "-1"
                    + (n % 10) + "\",\"summary\":\"Benchmark evidence " + n
                    + ": the government trained officials and identified victims.\",\"language\":\"en\","
                    + "\"source\":{\"title\":\"Benchmark source " + n + "\",\"url\":\"https://example.org/bench/" + n
                    + "\",\"publishedOn\":\"2023-10-01\"},\"metrics\":[{\"kind\":\"OFFICIALS_TRAINED\",\"value\":"
                    + (n % 500) + ",\"unit\":\"PERSONS\"},{\"kind\":\"VICTIMS_IDENTIFIED\",\"value\":" + (n % 37)
                    + ",\"unit\":\"PERSONS\"}],\"visibility\":\"" + (restricted ? "RESTRICTED" : "PUBLIC") + "\"}";
        }

        /** Until the read model holds every recommendation and piece of evidence (at most 10 minutes). */
        static void awaitReadModel(int recommendations, int evidence) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            try (Connection db = gatewayDatabase(); Statement statement = db.createStatement()) {
                while (true) {
                    long recs;
                    long pieces;
                    try (ResultSet rows = statement.executeQuery(
                            "select (select count(distinct recommendation_id) from recommendation_version),"
                                    + " (select count(distinct evidence_id) from evidence_version)")) {
                        rows.next();
                        recs = rows.getLong(1);
                        pieces = rows.getLong(2);
                    }
                    if (recs >= recommendations && pieces >= evidence) {
                        return;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the read model holds " + recs + " recommendations and "
                                + pieces + " pieces of evidence after 10 minutes");
                    }
                    Thread.sleep(250); // polling the read model's own tables, bounded above
                }
            }
        }
    }

    /**
     * Copies of evidence that went through the evidence-service's rules, written into its own tables as the service
     * writes them (the evidence, its links, its review history) with the events the original's changes published,
     * re-addressed to the copy, in its outbox: in the same transaction, so the relay publishes them in order and the
     * gateway applies them like any other. A copy differs from its original in its id, its events' ids, and the
     * recommendation it bears on; its state, visibility, metrics and history are the original's.
     */
    static final class Copies {

        private static final Pattern AGGREGATE_ID = Pattern.compile("\"aggregateId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
        private static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
        private static final int BATCH = 1000;
        /**
         * How many outbox rows may wait before the next batch is written. The relay's query for each aggregate's lowest
         * waiting version scans the outbox (no index on aggregate_id): with 100,000 rows waiting it sends about 30
         * events a second, so the copies go in as fast as the relay drains them, as submissions would.
         */
        private static final int BACKLOG = 2000;

        record Event(String topic, String type, long version, String key, String payload) {
        }

        /** Writes copies number {@code from} to {@code to - 1}; copy n is of original {@code n % originals}. */
        static void write(List<String> originals, int from, int to, IntFunction<String> target) throws Exception {
            try (Connection db = DriverManager.getConnection(env("BENCH_JDBC_EVIDENCE"), env("BENCH_DB_USER"),
                    env("BENCH_DB_PASSWORD"))) {
                awaitOutboxBelow(db, 1);
                Map<String, List<Event>> events = events(originals);
                Map<String, String> linked = new HashMap<>();
                try (PreparedStatement links = db.prepareStatement(
                        "select evidence_id::text, recommendation_id::text from evidence_recommendation"
                                + " where evidence_id = any (?::uuid[])")) {
                    links.setArray(1, db.createArrayOf("text", originals.toArray()));
                    try (ResultSet rows = links.executeQuery()) {
                        while (rows.next()) {
                            linked.put(rows.getString(1), rows.getString(2));
                        }
                    }
                }
                List<String> columns = new ArrayList<>();
                try (ResultSet rows = db.createStatement().executeQuery("select column_name from"
                        + " information_schema.columns where table_name = 'evidence' and column_name <> 'id'"
                        + " order by ordinal_position")) {
                    while (rows.next()) {
                        columns.add(rows.getString(1));
                    }
                }
                String copied = String.join(", ", columns);
                db.setAutoCommit(false);
                try (PreparedStatement evidence = db.prepareStatement("insert into evidence (id, " + copied
                        + ") select ?, " + copied + " from evidence where id = ?");
                        PreparedStatement link = db.prepareStatement("insert into evidence_recommendation"
                                + " (evidence_id, position, recommendation_id, assessment) select ?, position, ?,"
                                + " assessment from evidence_recommendation where evidence_id = ?");
                        PreparedStatement history = db.prepareStatement("insert into evidence_transition (id,"
                                + " evidence_id, version, state, actor, organisation, at, reason) select"
                                + " gen_random_uuid(), ?, version, state, actor, organisation, at, reason"
                                + " from evidence_transition where evidence_id = ?");
                        PreparedStatement outbox = db.prepareStatement("insert into outbox_event (event_id, topic,"
                                + " event_type, aggregate_id, aggregate_version, payload, created_at, partition_key)"
                                + " values (?, ?, ?, ?, ?, ?, now(), ?)")) {
                    for (int n = from; n < to; n++) {
                        String original = originals.get(n % originals.size());
                        UUID copy = UUID.randomUUID();
                        String recommendation = target.apply(n);
                        evidence.setObject(1, copy);
                        evidence.setObject(2, UUID.fromString(original));
                        evidence.addBatch();
                        link.setObject(1, copy);
                        link.setObject(2, UUID.fromString(recommendation));
                        link.setObject(3, UUID.fromString(original));
                        link.addBatch();
                        history.setObject(1, copy);
                        history.setObject(2, UUID.fromString(original));
                        history.addBatch();
                        List<Event> originalEvents = events.get(original);
                        if (originalEvents == null || originalEvents.isEmpty()) {
                            throw new IllegalStateException("no event of evidence " + original + " on the topic");
                        }
                        for (Event event : originalEvents) {
                            Matcher eventId = EVENT_ID.matcher(event.payload());
                            UUID newEventId = UUID.randomUUID();
                            String payload = event.payload().replace(original, copy.toString())
                                    .replace(linked.get(original), recommendation);
                            if (eventId.find()) {
                                payload = payload.replace(eventId.group(1), newEventId.toString());
                            }
                            outbox.setObject(1, newEventId);
                            outbox.setString(2, event.topic());
                            outbox.setString(3, event.type());
                            outbox.setObject(4, copy);
                            outbox.setLong(5, event.version());
                            outbox.setString(6, payload);
                            outbox.setString(7, event.key() == null || event.key().equals(original) ? null
                                    : event.key().replace(linked.get(original), recommendation));
                            outbox.addBatch();
                        }
                        if ((n - from + 1) % BATCH == 0 || n == to - 1) {
                            evidence.executeBatch();
                            link.executeBatch();
                            history.executeBatch();
                            outbox.executeBatch();
                            db.commit();
                            awaitOutboxBelow(db, BACKLOG);
                        }
                    }
                }
            }
        }

        /** Until fewer than {@code rows} outbox rows wait for the relay (1: it is empty), two minutes at most. */
        private static void awaitOutboxBelow(Connection db, int rows) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (true) {
                try (ResultSet count = db.createStatement().executeQuery("select count(*) from outbox_event")) {
                    count.next();
                    if (count.getLong(1) < rows) {
                        return;
                    }
                } finally {
                    if (!db.getAutoCommit()) {
                        db.commit(); // each count sees what the relay has deleted since
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the evidence-service's outbox holds " + rows
                            + " rows or more after 2 minutes");
                }
                Thread.sleep(100); // the relay's own pace, bounded above
            }
        }

        /** The originals' events on rectrack.evidence.v1, each aggregate's in its order. */
        private static Map<String, List<Event>> events(Collection<String> originals) {
            Set<String> wanted = new HashSet<>(originals);
            Map<String, List<Event>> events = new HashMap<>();
            Properties settings = new Properties();
            settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, env("BENCH_KAFKA"));
            settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
                List<TopicPartition> partitions = consumer.partitionsFor("rectrack.evidence.v1").stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
                while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                        if (record.value() == null) {
                            continue;
                        }
                        Matcher aggregate = AGGREGATE_ID.matcher(record.value());
                        if (aggregate.find() && wanted.contains(aggregate.group(1))) {
                            events.computeIfAbsent(aggregate.group(1), id -> new ArrayList<>()).add(new Event(
                                    record.topic(), string(record.value(), "type"),
                                    numbers(record.value(), "aggregateVersion").get(0), record.key(),
                                    record.value()));
                        }
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("rectrack.evidence.v1 not read to its end in 2 minutes");
                    }
                }
            }
            return events;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * Verify, then status visible at the gateway: recommendations of a report of their own, each with one piece of
     * evidence (ADVANCES) submitted through the gateway; then, one at a time, a reviewer's POST …/verify through the
     * gateway, and GET /recommendations/{id} through the gateway until it says IN_PROGRESS. The time from sending the
     * verification to that answer, SAMPLES times, after WARMUP rounds on a report of their own that are not counted: as
     * raw Kafka and the commit beside it, measured warm (the load before runs none of the verify path, so its first
     * rounds would measure the JIT compiling it and connections being opened).
     */
    static final class VerifyLatency {

        /** Rounds before the measured ones, as {@link RawKafka} and {@link Commit} warm up. */
        static final int WARMUP = 20;

        static void measure(int samples) throws Exception {
            String country = Loader.countryCodes(1).get(0);
            verifications(country, Loader.FIRST_YEAR - 3, WARMUP);
            List<Double> millis = verifications(country, Loader.FIRST_YEAR - 1, samples);
            record(Map.of("verify.samples", samples, "verify.p50_ms", fixed(quantile(millis, 0.5), 2),
                    "verify.p99_ms", fixed(quantile(millis, 0.99), 2)));
        }

        /** Publishes a report of {@code rounds} recommendations on the country and year, and times each one's round. */
        private static List<Double> verifications(String country, int year, int rounds) throws Exception {
            String api = env("BENCH_GATEWAY");
            expect(send("POST", api + "/reports", token("admin", ""), "application/json",
                    Loader.report(country, year, rounds), Map.of()), 201);
            // The gateway answered once its read model showed the report: its list names them all.
            List<String> recommendations = recommendationIds(expect(get(api + "/recommendations?country=" + country
                    + "&year=" + year + "&size=100", token("diplomat", ""), "application/json"), 200).body());
            if (recommendations.size() != rounds) {
                throw new IllegalStateException("the gateway lists " + recommendations.size() + " recommendations of "
                        + country + " " + year + ", not " + rounds);
            }
            List<Supplier<String>> submissions = new ArrayList<>();
            for (String recommendation : recommendations) {
                submissions.add(() -> string(expect(retryingUnknown(() -> send("POST", api + "/evidence",
                        token("ngo", "bench-ngo-1"), "application/json",
                        Loader.evidence(recommendation, 0, false),
                        Map.of("Idempotency-Key", UUID.randomUUID().toString()))), 201).body(), "id"));
            }
            List<String> evidence = concurrently(4, submissions);
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                String recommendationUrl = api + "/recommendations/" + recommendations.get(i);
                long started = System.nanoTime();
                expect(send("POST", api + "/evidence/" + evidence.get(i) + "/verify", token("reviewer", ""), null, null,
                        Map.of()), 200);
                long deadline = started + TimeUnit.SECONDS.toNanos(30);
                while (!"IN_PROGRESS".equals(string(expect(get(recommendationUrl, token("diplomat", ""),
                        "application/json"), 200).body(), "status"))) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(recommendationUrl + " is not IN_PROGRESS 30 s after verify");
                    }
                }
                millis.add(millisSince(started));
            }
            return millis;
        }
    }

    /**
     * Until a system just started is settled: every gateway answers a submission (which it answers only once its read
     * model shows it) within a second, three times in a row; two minutes at most. Its consumers join their group and
     * get their partitions some seconds after each instance says it is ready; measuring before that would measure the
     * start. How long it took is recorded as {@code settle.NAME.seconds}.
     */
    static final class Settle {

        static void await(String name, List<String> gateways, String recommendation) throws Exception {
            long started = System.nanoTime();
            long deadline = started + TimeUnit.MINUTES.toNanos(2);
            for (String gateway : gateways) {
                int quick = 0;
                int n = 0;
                while (quick < 3) {
                    long sent = System.nanoTime();
                    Answer answer = send("POST", gateway + "/evidence", token("ngo", "bench-ngo-1"), "application/json",
                            Loader.evidence(recommendation, n++, false),
                            Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                    quick = answer.status() == 201 && millisSince(sent) < 1000 ? quick + 1 : 0;
                    if (System.nanoTime() > deadline) {
                        System.out.println("  " + gateway + " did not settle in 2 minutes: measuring all the same");
                        break;
                    }
                }
            }
            record(Map.of("settle." + name + ".seconds", fixed(millisSince(started) / 1000, 1)));
        }
    }

    /**
     * Raw Kafka on the same broker: a plain producer (acks=all) and a plain consumer of a topic of one partition, one
     * record at a time; the time from send to the consumer's poll returning it.
     */
    static final class RawKafka {

        static void measure(int samples) throws Exception {
            String topic = "bench.raw." + UUID.randomUUID();
            Properties common = new Properties();
            common.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, env("BENCH_KAFKA"));
            try (Admin admin = Admin.create(common)) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            Properties producerSettings = new Properties();
            producerSettings.putAll(common);
            producerSettings.put(ProducerConfig.ACKS_CONFIG, "all");
            producerSettings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producerSettings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            Properties consumerSettings = new Properties();
            consumerSettings.putAll(common);
            consumerSettings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            consumerSettings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            List<Double> millis = new ArrayList<>();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerSettings);
                    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerSettings)) {
                TopicPartition partition = new TopicPartition(topic, 0);
                consumer.assign(List.of(partition));
                consumer.seekToEnd(List.of(partition));
                consumer.position(partition);
                String value = "x".repeat(600); // about the size of one rectrack event
                for (int i = 0; i < samples + 20; i++) {
                    long started = System.nanoTime();
                    producer.send(new ProducerRecord<>(topic, "key-" + i, value));
                    int got = 0;
                    while (got == 0) {
                        got = consumer.poll(Duration.ofSeconds(10)).count();
                    }
                    if (i >= 20) { // the first twenty warm the connections up
                        millis.add(millisSince(started));
                    }
                }
            }
            try (Admin admin = Admin.create(common)) {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
            record(Map.of("kafka.samples", samples, "kafka.p50_ms", fixed(quantile(millis, 0.5), 2),
                    "kafka.p99_ms", fixed(quantile(millis, 0.99), 2)));
        }
    }

    /** One PostgreSQL commit: a one-row insert committed on its own, on the benchmark's server; the median. */
    static final class Commit {

        static void measure(int samples) throws Exception {
            List<Double> millis = new ArrayList<>();
            try (Connection db = gatewayDatabase()) {
                try (Statement statement = db.createStatement()) {
                    statement.execute("create table if not exists bench_commit (id bigint generated always as identity"
                            + " primary key, at timestamptz not null)");
                }
                db.setAutoCommit(false);
                try (PreparedStatement insert = db.prepareStatement("insert into bench_commit (at) values (now())")) {
                    for (int i = 0; i < samples + 20; i++) {
                        long started = System.nanoTime();
                        insert.executeUpdate();
                        db.commit();
                        if (i >= 20) {
                            millis.add(millisSince(started));
                        }
                    }
                }
                db.setAutoCommit(true);
                try (Statement statement = db.createStatement()) {
                    statement.execute("drop table bench_commit");
                }
            }
            record(Map.of("commit.p50_ms", fixed(quantile(millis, 0.5), 3),
                    "commit.p99_ms", fixed(quantile(millis, 0.99), 3)));
        }
    }

    /**
     * The compliance report of the dense country-year through the gateway as an auditor, JSON and PDF: the median of
     * REPEATS after one warm-up each; beside one hand-written SQL aggregate over the same data in the gateway's read
     * model (each recommendation's latest version, its evidence's latest versions: counts by state and assessment,
     * sums of the metrics), the median of as many runs.
     */
    static final class Compliance {

        static final String SQL = """
                with recommendation as (
                    select distinct on (recommendation_id) recommendation_id, rank
                    from recommendation_version where country = ? and year = ?
                    order by recommendation_id, version desc),
                latest as (
                    select distinct on (v.evidence_id) v.seq, v.evidence_id, v.state, v.metrics
                    from evidence_version v
                    where v.evidence_id in (select e.evidence_id from evidence_version e
                        join evidence_version_link l on l.evidence_seq = e.seq
                        join recommendation r on r.recommendation_id = l.recommendation_id)
                    order by v.evidence_id, v.version desc)
                select r.rank, l.assessment,
                       count(*) filter (where e.state = 'VERIFIED') as verified,
                       count(*) filter (where e.state = 'SUBMITTED') as submitted,
                       count(*) as pieces,
                       coalesce(sum((select sum((m ->> 'value')::numeric) from jsonb_array_elements(e.metrics) m)), 0)
                from recommendation r
                join evidence_version_link l on l.recommendation_id = r.recommendation_id
                join latest e on e.seq = l.evidence_seq
                group by r.rank, l.assessment order by r.rank, l.assessment
                """;

        static void measure(String country, int year, int repeats) throws Exception {
            String url = env("BENCH_GATEWAY") + "/compliance-reports/" + country + "/" + year;
            Map<String, Object> figures = new LinkedHashMap<>();
            for (String[] format : List.of(new String[] { "json", "application/json" },
                    new String[] { "pdf", "application/pdf" })) {
                List<Double> millis = new ArrayList<>();
                int bytes = 0;
                for (int i = 0; i <= repeats; i++) {
                    long started = System.nanoTime();
                    Answer answer = expect(get(url, token("auditor", ""), format[1]), 200);
                    if (i > 0) {
                        millis.add(millisSince(started));
                    }
                    bytes = answer.body().length();
                }
                figures.put("report." + format[0] + "_ms", fixed(quantile(millis, 0.5), 1));
                figures.put("report." + format[0] + "_chars", bytes);
            }
            List<Double> millis = new ArrayList<>();
            int rows = 0;
            try (Connection db = gatewayDatabase(); PreparedStatement query = db.prepareStatement(SQL)) {
                query.setString(1, country);
                query.setInt(2, year);
                for (int i = 0; i <= repeats; i++) {
                    long started = System.nanoTime();
                    rows = 0;
                    try (ResultSet result = query.executeQuery()) {
                        while (result.next()) {
                            rows++;
                        }
                    }
                    if (i > 0) {
                        millis.add(millisSince(started));
                    }
                }
            }
            figures.put("report.sql_ms", fixed(quantile(millis, 0.5), 1));
            figures.put("report.sql_rows", rows);
            record(figures);
        }
    }

    /**
     * The read model rebuilt from the topics (POST /admin/rebuilds through the gateway, followed until FINISHED): the
     * records replayed per second; beside a bare KafkaConsumer reading the same topics from their beginning to the
     * end offsets it found, records per second.
     */
    static final class Rebuild {

        static void measure() throws Exception {
            String api = env("BENCH_GATEWAY");
            long started = System.nanoTime();
            Answer start = expect(send("POST", api + "/admin/rebuilds", token("admin", ""), null, null, Map.of()), 202);
            String job = api + "/admin/rebuilds/" + string(start.body(), "id");
            String state;
            String body;
            long deadline = started + TimeUnit.MINUTES.toNanos(8);
            do {
                Thread.sleep(100); // polling the job's own state, bounded by the deadline
                body = expect(get(job, token("admin", ""), "application/json"), 200).body();
                state = string(body, "state");
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the rebuild is still " + state + " after 8 minutes");
                }
            } while (!"FINISHED".equals(state) && !"FAILED".equals(state));
            double seconds = millisSince(started) / 1000;
            if ("FAILED".equals(state)) {
                throw new IllegalStateException("the rebuild failed: " + body);
            }
            long replayed = numbers(body, "replayed").stream().mapToLong(Long::longValue).sum();

            Properties settings = new Properties();
            settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, env("BENCH_KAFKA"));
            settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            long read = 0;
            long bareStarted = System.nanoTime();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : List.of("rectrack.recommendations.v1", "rectrack.evidence.v1")) {
                    for (PartitionInfo info : consumer.partitionsFor(topic)) {
                        partitions.add(new TopicPartition(topic, info.partition()));
                    }
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                long bareDeadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
                while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofSeconds(1));
                    for (ConsumerRecord<String, String> record : records) {
                        if (record.value() != null) {
                            read++;
                        }
                    }
                    if (System.nanoTime() > bareDeadline) {
                        throw new IllegalStateException("the bare consumer did not reach the end in 5 minutes");
                    }
                }
            }
            double bareSeconds = millisSince(bareStarted) / 1000;
            record(Map.of("rebuild.events", replayed, "rebuild.seconds", fixed(seconds, 2),
                    "rebuild.per_s", fixed(replayed / seconds, 0), "bare.events", read,
                    "bare.seconds", fixed(bareSeconds, 2), "bare.per_s", fixed(read / bareSeconds, 0)));
        }
    }

    /**
     * A whole report imported as the recommendations-service's job (POST /reports/import, text/plain, 202 and
     * Location): NARRATIVES country chapters, each the 2023 Laos chapter of the seeds under another country's English
     * name and the year 2011 (which no loaded report has); the time until the job is no longer RUNNING. Beside it, the
     * same chapter imported alone (a synchronous 201), times the number of chapters: importing them one by one.
     */
    static final class WholeReportImport {

        static void measure(Path seed, int narratives) throws Exception {
            String api = env("BENCH_RECOMMENDATIONS");
            String chapter = Files.readString(seed);
            List<String> names = new ArrayList<>();
            for (String twoLetter : Locale.getISOCountries()) {
                String name = Locale.of("", twoLetter).getDisplayCountry(Locale.ENGLISH);
                if (name.matches("[A-Za-z .'-]+") && !name.equals("Laos")) {
                    names.add(name);
                }
            }
            String year = Integer.toString(Loader.FIRST_YEAR - 2);
            StringBuilder report = new StringBuilder();
            for (String name : names.subList(1, Math.min(names.size(), narratives + 1))) {
                report.append(chapter(chapter, name, year)).append("\n\n");
            }
            String single = chapter(chapter, names.get(0), year);
            long singleStarted = System.nanoTime();
            expect(send("POST", api + "/reports/import", token("admin", ""), "text/plain; charset=UTF-8", single,
                    Map.of("Idempotency-Key", UUID.randomUUID().toString())), 201);
            double singleMillis = millisSince(singleStarted);

            long started = System.nanoTime();
            Answer accepted = expect(send("POST", api + "/reports/import", token("admin", ""),
                    "text/plain; charset=UTF-8", report.toString(),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString())), 202);
            String location = accepted.header("Location");
            String job = location.startsWith("http") ? location
                    : api + "/" + location.substring(location.indexOf("reports/import-jobs"));
            String body;
            long deadline = started + TimeUnit.MINUTES.toNanos(5);
            do {
                Thread.sleep(100); // polling the job's own state, bounded by the deadline
                body = expect(get(job + "?size=1", token("admin", ""), "application/json"), 200).body();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the import job still runs after 5 minutes");
                }
            } while ("RUNNING".equals(string(body, "state")));
            double seconds = millisSince(started) / 1000;
            int countries = numbers(body, "countriesTotal").stream().findFirst().orElse(0L).intValue();
            record(Map.of("import.narratives", countries, "import.chars", report.length(),
                    "import.done", numbers(body, "done").stream().findFirst().orElse(0L),
                    "import.failed", numbers(body, "failed").stream().findFirst().orElse(0L),
                    "import.state", string(body, "state"), "import.seconds", fixed(seconds, 2),
                    "import.single_ms", fixed(singleMillis, 1),
                    "import.one_by_one_seconds", fixed(singleMillis * countries / 1000, 2)));
        }

        static String chapter(String laos, String name, String year) {
            return laos.replace("LAOS", name.toUpperCase(Locale.ROOT)).replace("Laos", name).replace("2023", year)
                    .strip();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * The one table from the results file: each row a figure beside its reference measured in the same run, the goal
     * and pass or FAIL; printed, and written as CSV beside the results file ({@code results.csv}). Exits 1 when a row
     * has no figure (a measurement that did not run), never for a missed goal: the table says FAIL.
     */
    static final class Table {

        record Row(String name, String figure, String reference, String goal, String result) {
        }

        static void print(Path results) throws IOException {
            Map<String, String> r = new LinkedHashMap<>();
            for (String line : Files.readAllLines(results)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    r.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            List<Row> rows = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            Figures f = new Figures(r, missing);

            double commit = f.num("commit.p50_ms");
            double rawP99 = f.num("kafka.p99_ms");
            rows.add(new Row("verify -> status visible at the gateway",
                    "p50 " + f.ms("verify.p50_ms") + ", p99 " + f.ms("verify.p99_ms"),
                    "raw Kafka p50 " + f.ms("kafka.p50_ms") + ", p99 " + f.ms("kafka.p99_ms") + "; one commit "
                            + f.ms("commit.p50_ms"),
                    "p99 <= 3 x raw p99 + commit = " + fixed(3 * rawP99 + commit, 1) + " ms",
                    verdict(f.num("verify.p99_ms") <= 3 * rawP99 + commit)));
            double healthRps = f.num("wrk.health.rps");
            for (String[] read : List.of(new String[] { "list", "reads: one country-year list", "0.3" },
                    new String[] { "one", "reads: one recommendation", "0.4" })) {
                double rps = f.num("wrk." + read[0] + ".rps");
                double p99 = f.num("wrk." + read[0] + ".p99_ms");
                long errors = (long) f.num("wrk." + read[0] + ".errors");
                rows.add(new Row(read[1] + " (16 connections)",
                        fixed(rps, 0) + " req/s, p99 " + fixed(p99, 1) + " ms" + (errors > 0 ? ", " + errors
                                + " errors" : ""),
                        "/q/health/live " + fixed(healthRps, 0) + " req/s, p99 " + f.ms("wrk.health.p99_ms"),
                        ">= " + read[2] + " x health req/s (" + fixed(rps / Math.max(healthRps, 1e-9), 2)
                                + " x), p99 <= 50 ms",
                        verdict(rps >= Double.parseDouble(read[2]) * healthRps && p99 <= 50 && errors == 0)));
            }
            double sql = f.num("report.sql_ms");
            for (String format : List.of("json", "pdf")) {
                double ms = f.num("report." + format + "_ms");
                rows.add(new Row("compliance report, " + r.getOrDefault("dense.evidence", "?") + " evidence, "
                        + format.toUpperCase(Locale.ROOT), fixed(ms, 1) + " ms per report",
                        "SQL aggregate " + fixed(sql, 1) + " ms (" + r.getOrDefault("report.sql_rows", "?") + " rows)",
                        "<= 2 x SQL = " + fixed(2 * sql, 1) + " ms", verdict(ms <= 2 * sql)));
            }
            double rebuild = f.num("rebuild.per_s");
            double bare = f.num("bare.per_s");
            rows.add(new Row("read model rebuilt from the topics",
                    fixed(rebuild, 0) + " events/s (" + r.getOrDefault("rebuild.events", "?") + " in "
                            + r.getOrDefault("rebuild.seconds", "?") + " s)",
                    "bare consumer " + fixed(bare, 0) + " events/s (" + r.getOrDefault("bare.events", "?") + ")",
                    ">= 0.5 x bare = " + fixed(bare / 2, 0) + " events/s", verdict(rebuild >= bare / 2)));
            for (String service : List.of("gateway", "recommendations-service", "evidence-service")) {
                double seconds = f.num("start." + service + ".seconds");
                double megabytes = f.num("rss." + service + ".mb");
                rows.add(new Row(service + ": start, memory after the load",
                        fixed(seconds, 2) + " s, RSS " + fixed(megabytes, 0) + " MB",
                        "JVM alone " + f.ms("start.jvm_ms") + "; Kafka broker RSS " + fixed(f.num("rss.kafka.mb"), 0)
                                + " MB",
                        "<= 3 s, <= 250 MB", verdict(seconds <= 3 && megabytes <= 250)));
            }
            rows.add(new Row("import of a whole report (" + r.getOrDefault("import.narratives", "?")
                    + " narratives: " + r.getOrDefault("import.done", "?") + " done, "
                    + r.getOrDefault("import.failed", "?") + " failed)",
                    r.getOrDefault("import.seconds", "?") + " s",
                    "one narrative " + f.ms("import.single_ms") + ", x " + r.getOrDefault("import.narratives", "?")
                            + " = " + r.getOrDefault("import.one_by_one_seconds", "?") + " s",
                    "< 30 s (import issue)", verdict(f.num("import.seconds") < 30
                            && "FINISHED".equals(r.get("import.state")))));
            for (String kind : List.of("submit", "read")) {
                for (int instances : List.of(1, 2)) {
                    String key = "wrk." + kind + instances;
                    double rps = f.num(key + ".rps");
                    long errors = (long) f.num(key + ".errors");
                    String reference = instances == 1
                            ? "/q/health/live " + fixed(healthRps, 0) + " req/s"
                            : "1 instance " + fixed(f.num("wrk." + kind + "1.rps"), 0) + " req/s ("
                                    + fixed(rps / Math.max(f.num("wrk." + kind + "1.rps"), 1e-9), 2) + " x)"
                                    + (kind.equals("submit") ? "; settled " + r.getOrDefault("settle.2.seconds", "?")
                                            + " s after its start" : "");
                    rows.add(new Row((kind.equals("submit") ? "submissions (POST /evidence)" : "reads (one recommendation)")
                            + ", " + instances + " instance" + (instances > 1 ? "s" : ""),
                            fixed(rps, 0) + " req/s, p99 " + f.ms(key + ".p99_ms")
                                    + (errors > 0 ? ", " + errors + " errors" : ""),
                            reference, "none (side by side); no errors", errors == 0 && rps > 0 ? "info" : "FAIL"));
                }
            }

            int[] width = { 4, 6, 9, 4, 6 };
            for (Row row : rows) {
                width[0] = Math.max(width[0], row.name().length());
                width[1] = Math.max(width[1], row.figure().length());
                width[2] = Math.max(width[2], row.reference().length());
                width[3] = Math.max(width[3], row.goal().length());
            }
            String format = "%-" + width[0] + "s | %-" + width[1] + "s | %-" + width[2] + "s | %-" + width[3]
                    + "s | %s%n";
            System.out.printf(format, "row", "figure", "reference", "goal", "result");
            System.out.println("-".repeat(width[0] + width[1] + width[2] + width[3] + 20));
            StringBuilder csv = new StringBuilder("row,figure,reference,goal,result\n");
            for (Row row : rows) {
                System.out.printf(format, row.name(), row.figure(), row.reference(), row.goal(), row.result());
                csv.append(Stream.of(row.name(), row.figure(), row.reference(), row.goal(), row.result())
                        .map(Table::csv).collect(Collectors.joining(","))).append('\n');
            }
            String machine = r.getOrDefault("machine.cores", "?") + " cores, " + r.getOrDefault("machine.memory_gib", "?")
                    + " GiB memory";
            System.out.println();
            System.out.println("machine: " + machine);
            csv.append(Stream.of("machine", machine, "", "", "").map(Table::csv).collect(Collectors.joining(",")))
                    .append('\n');
            Path csvFile = results.resolveSibling("results.csv");
            Files.writeString(csvFile, csv);
            System.out.println();
            System.out.println("The table as CSV: " + csvFile);
            if (!missing.isEmpty()) {
                System.out.println("Missing figures (a measurement that did not run): " + missing);
                System.exit(1);
            }
        }

        static String verdict(boolean pass) {
            return pass ? "pass" : "FAIL";
        }

        static String csv(String value) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }

        /** The numbers of the results file, noting each one asked for and not there. */
        record Figures(Map<String, String> values, Collection<String> missing) {
            double num(String key) {
                String value = values.get(key);
                if (value == null) {
                    missing.add(key);
                    return Double.NaN;
                }
                return Double.parseDouble(value);
            }

            String ms(String key) {
                return fixed(num(key), 1) + " ms";
            }
        }
    }
}
