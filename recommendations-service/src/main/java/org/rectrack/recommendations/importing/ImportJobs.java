package org.rectrack.recommendations.importing;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import org.rectrack.platform.paging.Page;
import org.rectrack.platform.paging.PageRequest;
import org.rectrack.platform.problem.Problem.FieldError;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.recommendations.importing.api.ImportJobResponse;
import org.rectrack.recommendations.importing.api.ImportResponse;
import org.rectrack.recommendations.importing.parsing.NarrativeSplitter.Narrative;

/**
 * Runs whole-report imports as jobs: each country narrative of the text is imported on its own, as a one-country
 * import would be ({@link ReportImporter}), outside the HTTP request.
 *
 * <p><b>Stored.</b> A job and its narratives are rows ({@code import_job}, {@code import_job_country}) written before
 * the request is answered. Each country is imported in one transaction together with its row's answer, so a country
 * is done exactly once whatever stops in between: on resuming, the countries still PENDING are the ones to do.
 *
 * <p><b>Runner.</b> The instance that started a job runs it and writes a heartbeat with each country. Every instance
 * looks, every {@link ImportJobConfig#lookEvery()}, for running jobs whose runner fell silent for
 * {@link ImportJobConfig#silentAfter()} (its process died, or was stopped) and takes them over; a job taken over more
 * than {@link ImportJobConfig#maxResumes()} times fails instead, naming the countries it did not reach, so no job is
 * RUNNING forever. A runner that finds its job taken over stops before its next country.
 *
 * <p><b>Once.</b> A request with an {@code Idempotency-Key} the caller used before answers that job (422 if the body
 * or options differ); the same body with the same options while its job is running answers that job too, so a repeat
 * never starts a second job doing the same work. A repeat after the job ended starts a new one, which changes nothing
 * that the first wrote (each country's import is idempotent by content).
 */
@ApplicationScoped
public class ImportJobs {

    /** The job was started, or an earlier one answers this request. */
    public record Started(UUID id, boolean replayed) {
    }

    private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "#"
            + UUID.randomUUID().toString().substring(0, 8);
    private final ReportImporter importer;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final ImportJobConfig config;
    private final Set<UUID> runningHere = ConcurrentHashMap.newKeySet();
    private final ExecutorService runners = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("import-job-", 0).daemon().factory());
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("import-job-watch").daemon().factory());

    ImportJobs(ReportImporter importer, EntityManager entityManager, ObjectMapper json, ImportJobConfig config) {
        this.importer = importer;
        this.entityManager = entityManager;
        this.json = json;
        this.config = config;
    }

    void watch(@Observes StartupEvent startup) {
        long every = Math.max(1, config.lookEvery().toMillis());
        watch.scheduleWithFixedDelay(this::takeOverSilent, 0, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts a job importing each narrative as its own report, which runs after this returns; or finds the job that
     * already answers this request.
     *
     * @param narratives     the text cut into country narratives, end to end
     * @param options        what the admin said of the whole text (a year for all; no country, no tier)
     * @param fingerprint    what makes two requests the same: body, media type and options, hashed
     * @param idempotencyKey the caller's key for this request, if it gave one
     * @param actor          the admin
     * @throws ProblemException 422 when the Idempotency-Key was used before for another body or other options
     */
    public Started start(List<Narrative> narratives, ImportOptions options, String fingerprint,
            Optional<String> idempotencyKey, String actor) {
        for (int attempt = 0;; attempt++) {
            UUID id = UUID.randomUUID();
            Optional<Started> started = QuarkusTransaction.requiringNew()
                    .call(() -> insert(id, narratives, options, fingerprint, idempotencyKey, actor));
            if (started.isPresent()) {
                if (!started.get().replayed()) {
                    run(id);
                }
                return started.get();
            }
            if (attempt > 3) {
                // The job this request repeats keeps ending between our insert and our look: say so, do not spin.
                throw ProblemException.conflict("the same import was started and ended repeatedly just now; try again");
            }
        }
    }

    /** The job with one page of its countries; empty for no such job. */
    public Optional<ImportJobResponse> find(UUID id, PageRequest page) {
        return QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(ImportJob.<ImportJob> findById(id))
                .map(job -> response(job, page)));
    }

    /** Empty when another job holds the key or the text and ended just now, to try again. */
    private Optional<Started> insert(UUID id, List<Narrative> narratives, ImportOptions options, String fingerprint,
            Optional<String> idempotencyKey, String actor) {
        if (idempotencyKey.isPresent()) {
            Optional<ImportJob> earlier = ImportJob.<ImportJob> find("startedBy = ?1 and idempotencyKey = ?2", actor,
                    idempotencyKey.get()).firstResultOptional();
            if (earlier.isPresent()) {
                return Optional.of(replay(earlier.get(), fingerprint));
            }
        }
        int inserted = entityManager.createNativeQuery("""
                insert into import_job (id, state, dry_run, started_by, idempotency_key, fingerprint, publisher, source_url,
                                        published_on, year_hint, countries_total, runner, heartbeat_at, started_at)
                values (:id, 'RUNNING', :dryRun, :actor, :key, :fingerprint, :publisher, :sourceUrl, :publishedOn, :year,
                        :total, :runner, now(), now())
                on conflict do nothing
                """)
                .setParameter("id", id).setParameter("dryRun", options.dryRun()).setParameter("actor", actor)
                .setParameter("key", idempotencyKey.orElse(null)).setParameter("fingerprint", fingerprint)
                .setParameter("publisher", options.publisher()).setParameter("sourceUrl", options.sourceUrl())
                .setParameter("publishedOn", options.publishedOn()).setParameter("year", options.hints().year())
                .setParameter("total", narratives.size()).setParameter("runner", instance)
                .executeUpdate();
        if (inserted == 0) {
            Optional<ImportJob> holder = idempotencyKey.flatMap(key -> ImportJob.<ImportJob> find(
                    "startedBy = ?1 and idempotencyKey = ?2", actor, key).firstResultOptional());
            if (holder.isEmpty()) {
                holder = ImportJob.<ImportJob> find("fingerprint = ?1 and state = ?2", fingerprint, ImportJob.State.RUNNING)
                        .firstResultOptional();
            }
            return holder.map(job -> replay(job, fingerprint));
        }
        for (int position = 0; position < narratives.size(); position++) {
            Narrative narrative = narratives.get(position);
            ImportJobCountry country = new ImportJobCountry();
            country.jobId = id;
            country.position = position;
            country.country = narrative.country();
            country.textStart = narrative.start();
            country.textEnd = narrative.end();
            country.narrative = narrative.text();
            country.state = ImportJobCountry.State.PENDING;
            country.persist();
        }
        return Optional.of(new Started(id, false));
    }

    private static Started replay(ImportJob job, String fingerprint) {
        if (!job.fingerprint.equals(fingerprint)) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key used for another request",
                    "Idempotency-Key: it started import job " + job.id + " with another body or other options; use a"
                            + " new key for a new request",
                    List.of(new FieldError("Idempotency-Key", "was used for another request")));
        }
        return new Started(job.id, true);
    }

    /** Runs the job on a thread of its own, unless this instance runs it already. */
    private void run(UUID id) {
        if (!runningHere.add(id)) {
            return;
        }
        runners.execute(() -> {
            try {
                work(id);
            } catch (RuntimeException e) {
                // The database is away, or the service stops: the job is taken over once its heartbeat is old.
                Log.errorf(e, "Import job %s stopped; it is taken over once silent for %s", id, config.silentAfter());
            } finally {
                runningHere.remove(id);
            }
        });
    }

    private void work(UUID id) {
        while (true) {
            Optional<Integer> next = QuarkusTransaction.requiringNew().call(() -> next(id));
            if (next.isEmpty()) {
                return;
            }
            if (!importCountry(id, next.get())) {
                Log.infof("Import job %s was taken over by another instance; this one stops", id);
                return;
            }
        }
    }

    /** The next country to import; empty when the job is no longer this instance's, or ended (then it is marked so). */
    private Optional<Integer> next(UUID id) {
        ImportJob job = ImportJob.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || job.state != ImportJob.State.RUNNING || !job.runner.equals(instance)) {
            return Optional.empty();
        }
        List<Integer> pending = entityManager.createQuery("select c.position from ImportJobCountry c where c.jobId = :id"
                + " and c.state = :pending order by c.position", Integer.class)
                .setParameter("id", id).setParameter("pending", ImportJobCountry.State.PENDING)
                .setMaxResults(1).getResultList();
        if (pending.isEmpty()) {
            job.finish(Instant.now());
        }
        return pending.stream().findFirst();
    }

    /**
     * Imports one country with its answer in one transaction.
     *
     * @return false when the job is no longer this instance's: nothing was written
     */
    private boolean importCountry(UUID id, int position) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (!beat(id)) {
                    return false;
                }
                ImportJob job = ImportJob.findById(id);
                ImportJobCountry country = country(id, position);
                if (country.state == ImportJobCountry.State.PENDING) {
                    ImportResponse answer = importer.importText(country.narrative, job.options(), job.startedBy);
                    country.done(answer.report() == null ? null : answer.report().id(), answer.created(), write(answer));
                }
                return true;
            });
        } catch (ProblemException e) {
            return fail(id, position, e);
        } catch (RuntimeException e) {
            UUID incident = UUID.randomUUID();
            Log.errorf(e, "Import job %s: country %d failed unexpectedly, incident %s", id, position, incident);
            return fail(id, position, new ProblemException(500, "internal", "Internal error",
                    "the import of this country failed on our side; incident " + incident, List.of()));
        }
    }

    private boolean fail(UUID id, int position, ProblemException problem) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!beat(id)) {
                return false;
            }
            ImportJobCountry country = country(id, position);
            if (country.state == ImportJobCountry.State.PENDING) {
                country.failed(write(problem.toProblem(path(id))));
            }
            return true;
        });
    }

    private static ImportJobCountry country(UUID id, int position) {
        ImportJobCountry.Key key = new ImportJobCountry.Key();
        key.jobId = id;
        key.position = position;
        return ImportJobCountry.findById(key, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A sign of life of this instance's runner, in the country's transaction; false if the job is not this instance's. */
    private boolean beat(UUID id) {
        return entityManager.createNativeQuery("update import_job set heartbeat_at = now()"
                + " where id = :id and runner = :runner and state = 'RUNNING'")
                .setParameter("id", id).setParameter("runner", instance).executeUpdate() == 1;
    }

    /** Takes over every running job whose runner fell silent: runs it here, or fails it once taken over too often. */
    void takeOverSilent() {
        try {
            @SuppressWarnings("unchecked")
            List<UUID> silent = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                    "select id from import_job where state = 'RUNNING' and heartbeat_at < now() - make_interval(secs => :silent)",
                    UUID.class)
                    .setParameter("silent", silentSeconds())
                    .getResultList());
            for (UUID id : silent) {
                // a job this instance still works on is slow, not silent: its thread beats again after its country
                if (!runningHere.contains(id)) {
                    takeOver(id);
                }
            }
        } catch (RuntimeException e) {
            Log.warnf("Could not look for import jobs to take over: %s", e.toString());
        }
    }

    private void takeOver(UUID id) {
        @SuppressWarnings("unchecked")
        List<Integer> taken = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                update import_job set runner = :runner, heartbeat_at = now(), resumed = resumed + 1
                 where id = :id and state = 'RUNNING' and heartbeat_at < now() - make_interval(secs => :silent)
                returning resumed
                """, Integer.class)
                .setParameter("id", id)
                .setParameter("runner", instance)
                .setParameter("silent", silentSeconds())
                .getResultList());
        if (taken.isEmpty()) {
            return; // another instance took it, or its runner spoke again
        }
        int resumed = taken.getFirst();
        if (resumed > config.maxResumes()) {
            giveUp(id, resumed);
        } else {
            Log.infof("Import job %s: its runner fell silent; resumed here (%d)", id, resumed);
            run(id);
        }
    }

    private double silentSeconds() {
        return config.silentAfter().toMillis() / 1000.0;
    }

    private void giveUp(UUID id, int resumed) {
        String reason = "the job was interrupted " + resumed + " times (its runner stopped); the countries it had not"
                + " imported were not imported: import them again";
        ProblemException problem = new ProblemException(503, "import-interrupted", "Import interrupted", reason, List.of());
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = ImportJob.findById(id, LockModeType.PESSIMISTIC_WRITE);
            String failure = write(problem.toProblem(path(id)));
            ImportJobCountry.<ImportJobCountry> list("jobId = ?1 and state = ?2", id, ImportJobCountry.State.PENDING)
                    .forEach(country -> country.failed(failure));
            job.fail(reason, Instant.now());
        });
        Log.warnf("Import job %s failed: %s", id, reason);
    }

    private ImportJobResponse response(ImportJob job, PageRequest page) {
        Map<ImportJobCountry.State, Long> counts = entityManager.createQuery("select c.state, count(c) from"
                + " ImportJobCountry c where c.jobId = :id group by c.state", Object[].class)
                .setParameter("id", job.id).getResultList().stream()
                .collect(Collectors.toMap(row -> (ImportJobCountry.State) row[0], row -> (Long) row[1]));
        List<ImportJobResponse.Country> countries = entityManager.createQuery("select c.position, c.country,"
                + " c.textStart, c.textEnd, c.state, c.reportId, c.created, c.result, c.problem from ImportJobCountry c"
                + " where c.jobId = :id order by c.position", Object[].class)
                .setParameter("id", job.id)
                .setFirstResult(page.page() * page.size()).setMaxResults(page.size())
                .getResultList().stream()
                .map(row -> new ImportJobResponse.Country((Integer) row[0], (String) row[1], (Integer) row[2],
                        (Integer) row[3], row[4].toString(), (UUID) row[5], (Boolean) row[6], read((String) row[7]),
                        read((String) row[8])))
                .toList();
        Function<ImportJobCountry.State, Integer> count = state -> counts.getOrDefault(state, 0L).intValue();
        return new ImportJobResponse(job.id, job.state.name(), job.dryRun, job.startedBy, job.startedAt, job.finishedAt,
                job.countriesTotal, count.apply(ImportJobCountry.State.DONE), count.apply(ImportJobCountry.State.FAILED),
                count.apply(ImportJobCountry.State.PENDING), job.error,
                Page.of(countries, page, job.countriesTotal));
    }

    static String path(UUID id) {
        return "/api/v1/reports/import-jobs/" + id;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an import's answer could not be written as JSON", e);
        }
    }

    private JsonNode read(String value) {
        if (value == null) {
            return null;
        }
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an import job's stored answer is no JSON", e);
        }
    }

    @PreDestroy
    void stop() {
        // A job under way stops between countries or in one (rolled back); another instance, or this one after a
        // restart, takes it over once its heartbeat is old.
        watch.shutdownNow();
        runners.shutdownNow();
    }
}
