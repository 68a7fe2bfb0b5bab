package org.rectrack.gateway.compliance.issued;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import org.rectrack.gateway.compliance.ReportRenderer;
import org.rectrack.gateway.compliance.RenderedReport;
import org.rectrack.gateway.compliance.ReportFormat;
import org.rectrack.gateway.compliance.issued.api.IssueRequest;
import org.rectrack.gateway.readmodel.TimeFrames;
import org.rectrack.platform.paging.Page;
import org.rectrack.platform.paging.PageRequest;
import org.rectrack.platform.problem.Problem.FieldError;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.validation.PlainDates;
import org.rectrack.platform.request.QueryValues;

/**
 * Issues compliance reports and finds issued ones. A report is issued once per (country, year, asOf, knownAt,
 * format): the same parameters give the same bytes, so issuing them again answers the first issue. An
 * {@code Idempotency-Key} makes a retry safe also when {@code knownAt} was left to default to "now".
 */
@ApplicationScoped
public class IssuedReports {

    /** The request header that makes issuing safe to retry, as the evidence-service's submissions take it. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final ReportRenderer renderer;
    private final EntityManager entityManager;
    private final TimeFrames frames;

    IssuedReports(ReportRenderer renderer, EntityManager entityManager, TimeFrames frames) {
        this.frames = frames;
        this.renderer = renderer;
        this.entityManager = entityManager;
    }

    /** Who issues: the token's subject and principal name. */
    public record Issuer(String subject, String name) {
    }

    /** An issued report, and whether this request issued it ({@code false}: issued before, answered again). */
    public record Issued(IssuedReport report, boolean created) {
    }

    /**
     * Renders the report {@code request} names and records it as issued by {@code issuer}, or answers the earlier
     * issue of the same parameters or the same {@code Idempotency-Key}.
     *
     * @throws ProblemException 400 naming the field that is missing or wrong (knownAt in the future included: what
     *                          is not recorded yet could still change the bytes); 404 when no report on the country
     *                          and year is known; 422 when the Idempotency-Key was used for another request
     */
    @Transactional
    public Issued issue(IssueRequest request, Issuer issuer, Optional<String> idempotencyKey) {
        if (request == null) {
            throw ProblemException.badRequest("body", "is required: {\"country\", \"year\", \"format\"}");
        }
        String country = QueryValues.optionalCountry("country", request.country())
                .orElseThrow(() -> ProblemException.badRequest("country", "is required"));
        if (request.year() == null) {
            throw ProblemException.badRequest("year", "is required");
        }
        int year = QueryValues.optionalInteger("year", request.year().toString(), 2001, 2100).orElseThrow();
        if (request.format() == null) {
            throw ProblemException.badRequest("format", "is required: JSON, CSV or PDF");
        }
        LocalDate asOf = request.asOf() != null ? request.asOf() : LocalDate.of(year, 12, 31);
        // Reached by the read model before anything is rendered: a report of what it has not applied yet is no report.
        Instant knownAt = frames.reached(knownAt(request.knownAt()));
        String fingerprint = RenderedReport.sha256(String.join("\n", country, Integer.toString(year),
                Objects.toString(request.asOf(), ""), Objects.toString(request.knownAt(), ""),
                request.format().name()).getBytes(StandardCharsets.UTF_8));

        Optional<IssuedReport> earlier = earlier(idempotencyKey, issuer, fingerprint, country, year, asOf, knownAt,
                request.format());
        if (earlier.isPresent()) {
            return new Issued(earlier.get(), false);
        }
        RenderedReport rendered = renderer.render(country, year, asOf, knownAt, request.format());
        UUID id = UUID.randomUUID();
        // "on conflict do nothing": of two concurrent requests for the same report (or key), the second waits for
        // the first to commit and then answers its issue instead of failing on the unique constraint.
        int inserted = entityManager.createNativeQuery("""
                insert into issued_report (id, country, year, as_of, known_at, format, sha256, data_sha256, size_bytes,
                        issued_by_subject, issued_by_name, issued_at, idempotency_key, idempotency_fingerprint)
                values (:id, :country, :year, :asOf, :knownAt, :format, :sha256, :dataSha256, :size,
                        :subject, :name, :issuedAt, :key, :fingerprint)
                on conflict do nothing
                """)
                .setParameter("id", id)
                .setParameter("country", country)
                .setParameter("year", year)
                .setParameter("asOf", asOf)
                .setParameter("knownAt", knownAt)
                .setParameter("format", request.format().name())
                .setParameter("sha256", rendered.sha256())
                .setParameter("dataSha256", rendered.report().dataSha256())
                .setParameter("size", (long) rendered.bytes().length)
                .setParameter("subject", issuer.subject())
                .setParameter("name", issuer.name())
                .setParameter("issuedAt", Instant.now().truncatedTo(ChronoUnit.MICROS))
                .setParameter("key", idempotencyKey.orElse(null))
                .setParameter("fingerprint", idempotencyKey.isPresent() ? fingerprint : null)
                .executeUpdate();
        if (inserted == 1) {
            return new Issued(IssuedReport.findById(id), true);
        }
        return new Issued(earlier(idempotencyKey, issuer, fingerprint, country, year, asOf, knownAt, request.format())
                .orElseThrow(() -> new IllegalStateException("an issued report conflicted and cannot be found")), false);
    }

    /**
     * {@code knownAt} as given (an instant, to the microsecond at most, as the database keeps it: a finer one would
     * come back otherwise and give other bytes); or now, to the millisecond (as Kafka stamps records). Whether it is
     * in the future is {@link TimeFrames#reached}'s to say, as for every other knownAt.
     */
    private static Instant knownAt(String text) {
        if (text == null) {
            return Instant.now().truncatedTo(ChronoUnit.MILLIS);
        }
        Instant knownAt = PlainDates.instant(text.strip());
        if (knownAt == null) {
            throw ProblemException.badRequest("knownAt", "'" + abbreviate(text) + "' is not " + PlainDates.INSTANT);
        }
        if (knownAt.getNano() % 1_000 != 0) {
            throw ProblemException.badRequest("knownAt", "must be given to the microsecond at most (6 decimals)");
        }
        return knownAt;
    }

    private Optional<IssuedReport> earlier(Optional<String> key, Issuer issuer, String fingerprint, String country,
            int year, LocalDate asOf, Instant knownAt, ReportFormat format) {
        if (key.isPresent()) {
            Optional<IssuedReport> byKey = IssuedReport.<IssuedReport> find(
                    "issuedBySubject = :subject and idempotencyKey = :key",
                    Parameters.with("subject", issuer.subject()).and("key", key.get())).firstResultOptional();
            if (byKey.isPresent()) {
                if (!fingerprint.equals(byKey.get().idempotencyFingerprint)) {
                    throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key already used",
                            "this Idempotency-Key was already used for a different request; send a new key for a new"
                                    + " request",
                            List.of(new FieldError(IDEMPOTENCY_KEY, "was used for a different request")));
                }
                return byKey;
            }
        }
        return IssuedReport.<IssuedReport> find("country = :country and year = :year and asOf = :asOf"
                + " and knownAt = :knownAt and format = :format",
                Parameters.with("country", country).and("year", year).and("asOf", asOf).and("knownAt", knownAt)
                        .and("format", format)).firstResultOptional();
    }

    /** Newest first, of a country and a year when given. */
    @Transactional
    public Page<IssuedReport> list(Optional<String> country, Optional<Integer> year, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        country.ifPresent(value -> {
            where.append(" and country = :country");
            parameters.and("country", value);
        });
        year.ifPresent(value -> {
            where.append(" and year = :year");
            parameters.and("year", value);
        });
        var query = IssuedReport.<IssuedReport> find(where.toString(),
                Sort.descending("issuedAt").and("id", Sort.Direction.Ascending), parameters);
        return Page.of(query.page(page.page(), page.size()).list(), page, query.count());
    }

    @Transactional
    public Optional<IssuedReport> find(UUID id) {
        return IssuedReport.findByIdOptional(id);
    }

    /** The issues of the bytes whose SHA-256 is {@code sha256} (lower-case hex), oldest first, at most {@code max}. */
    @Transactional
    public List<IssuedReport> withSha256(String sha256, int max) {
        return IssuedReport.<IssuedReport> find("sha256", Sort.ascending("issuedAt").and("id"), sha256)
                .page(0, max).list();
    }

    /** A client-chosen key such as a UUID: 1 to 200 visible ASCII characters (as the evidence-service takes it). */
    public static Optional<String> idempotencyKey(String header) {
        if (header == null) {
            return Optional.empty();
        }
        if (header.isEmpty() || header.length() > 200 || !header.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ProblemException.badRequest(IDEMPOTENCY_KEY, "must be 1 to 200 visible ASCII characters, such as a UUID");
        }
        return Optional.of(header);
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
