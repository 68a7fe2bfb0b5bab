package org.rectrack.evidence.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.rectrack.events.evidence.Origin;
import org.rectrack.platform.problem.Problem.FieldError;
import org.rectrack.platform.problem.ProblemException;

/**
 * Makes a create safe to retry: the first request with an {@code Idempotency-Key} claims the key for its
 * organisation (an NGO's) or for an admin ({@link Origin}) in the transaction that creates the resource, and stores its answer there too; a retry
 * with the same key gets that answer back. A request that fails leaves no claim, so it may be retried.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";

    private final EntityManager entityManager;
    private final ObjectMapper json;

    IdempotencyKeys(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** A client-chosen key such as a UUID: 1 to 200 visible ASCII characters. */
    public static Optional<String> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        if (header.isEmpty() || header.length() > 200 || !header.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ProblemException.badRequest(HEADER, "must be 1 to 200 visible ASCII characters, such as a UUID");
        }
        return Optional.of(header);
    }

    /**
     * Claims the key for this request, or returns the answer stored by the first request that used it.
     * A concurrent first request holding the key makes this wait until it has committed or rolled back.
     *
     * @throws ProblemException 422 when the key was used before for a different request
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> Optional<T> claim(Origin origin, String organisation, String key, Object request, Class<T> responseType) {
        String fingerprint = fingerprint(request);
        int claimed = entityManager.createNativeQuery("""
                insert into idempotent_request (origin, organisation, idempotency_key, fingerprint, created_at)
                values (:origin, :organisation, :key, :fingerprint, now())
                on conflict do nothing
                """)
                .setParameter("origin", origin.name())
                .setParameter("organisation", organisation)
                .setParameter("key", key)
                .setParameter("fingerprint", fingerprint)
                .executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        Object[] earlier = (Object[]) entityManager.createNativeQuery("""
                select fingerprint, response from idempotent_request
                 where origin = :origin and organisation = :organisation and idempotency_key = :key
                """)
                .setParameter("origin", origin.name())
                .setParameter("organisation", organisation)
                .setParameter("key", key)
                .getSingleResult();
        if (!fingerprint.equals(earlier[0])) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key already used",
                    "this Idempotency-Key was already used for a different request; send a new key for a new request",
                    List.of(new FieldError(HEADER, "was used for a different request")));
        }
        return Optional.of(read((String) earlier[1], responseType));
    }

    /** Stores the answer to the request that claimed the key, in the transaction that made it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(Origin origin, String organisation, String key, UUID resourceId, Object response) {
        entityManager.createNativeQuery("""
                update idempotent_request set resource_id = :resourceId, response = :response
                 where origin = :origin and organisation = :organisation and idempotency_key = :key
                """)
                .setParameter("resourceId", resourceId)
                .setParameter("response", write(response))
                .setParameter("origin", origin.name())
                .setParameter("organisation", organisation)
                .setParameter("key", key)
                .executeUpdate();
    }

    /** Equal requests, equal fingerprints: records serialise their fields in declaration order. */
    private String fingerprint(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private <T> T read(String stored, Class<T> type) {
        try {
            return json.readValue(stored, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored answer is not a " + type.getSimpleName(), e);
        }
    }
}
