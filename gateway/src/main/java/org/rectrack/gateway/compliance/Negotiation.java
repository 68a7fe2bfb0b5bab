package org.rectrack.gateway.compliance;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.rectrack.platform.problem.Problem;
import org.rectrack.platform.problem.ProblemException;

/**
 * Server-driven content negotiation, RFC 9110 section 12.5.1, over the media ranges JAX-RS parsed from
 * {@code Accept}. Each offered type takes the quality of the most specific range that matches it (a type with
 * parameters, then the type, then {@code type/*}, then {@code *}{@code /*}); quality 0 means "not acceptable". The
 * best quality wins, and among equals the earlier offer. JAX-RS's own {@code Request.selectVariant} is not used:
 * it compares parameters as exact strings, so {@code text/csv; header=present} or {@code charset=utf-8} found no
 * match although RFC 4180 and RFC 9110 allow them.
 */
public final class Negotiation {

    private Negotiation() {
    }

    /**
     * The offer to answer with, or empty when {@code accepted} admits none of them.
     *
     * @param headers the request's headers, whose {@code Accept} JAX-RS parses ({@code *}{@code /*} for none)
     * @param offered the types the resource can answer, in its order of preference
     * @throws ProblemException 400 naming {@code Accept} when it is not a list of media ranges, or a quality value
     *                          is not one (RFC 9110, sections 12.5.1 and 12.4.2)
     */
    public static Optional<MediaType> choose(HttpHeaders headers, List<MediaType> offered) {
        List<MediaType> accepted;
        try {
            accepted = headers.getAcceptableMediaTypes();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(HttpHeaders.ACCEPT, "is not a list of media ranges (RFC 9110, 12.5.1)");
        }
        if (accepted.isEmpty()) {
            return Optional.of(offered.getFirst());
        }
        MediaType best = null;
        double bestQuality = 0;
        for (MediaType offer : offered) {
            double quality = quality(offer, accepted);
            if (quality > bestQuality) {
                best = offer;
                bestQuality = quality;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * 406 (RFC 9110, section 15.5.7), listing what is offered so that the client can ask again.
     *
     * @param offers the types the resource answers, as given to {@link #choose}
     */
    public static ProblemException notAcceptable(List<MediaType> offers) {
        String offered = offers.stream().map(type -> type.getType() + "/" + type.getSubtype())
                .collect(Collectors.joining(", "));
        return new ProblemException(Response.Status.NOT_ACCEPTABLE.getStatusCode(), "not-acceptable", "Not Acceptable",
                "Accept admits none of the types this report comes in: " + offered,
                List.of(new Problem.FieldError(HttpHeaders.ACCEPT, "must admit one of " + offered)));
    }

    private static double quality(MediaType offer, List<MediaType> accepted) {
        MediaType mostSpecific = null;
        int specificity = -1;
        for (MediaType range : accepted) {
            if (range.isCompatible(offer) && parametersMatch(range, offer) && specificity(range) > specificity) {
                mostSpecific = range;
                specificity = specificity(range);
            }
        }
        return mostSpecific == null ? 0 : quality(mostSpecific);
    }

    /** Every parameter the range names (but q) is one the offer has, with the same value, case aside. */
    private static boolean parametersMatch(MediaType range, MediaType offer) {
        for (Map.Entry<String, String> parameter : range.getParameters().entrySet()) {
            if (parameter.getKey().equalsIgnoreCase("q")) {
                continue;
            }
            String offered = offer.getParameters().entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(parameter.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (offered == null || !offered.equalsIgnoreCase(unquoted(parameter.getValue()))) {
                return false;
            }
        }
        return true;
    }

    private static int specificity(MediaType range) {
        if (range.isWildcardType()) {
            return 0;
        }
        if (range.isWildcardSubtype()) {
            return 1;
        }
        boolean parameters = range.getParameters().keySet().stream().anyMatch(name -> !name.equalsIgnoreCase("q"));
        return parameters ? 3 : 2;
    }

    private static double quality(MediaType range) {
        String q = range.getParameters().entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase("q"))
                .map(Map.Entry::getValue).findFirst().orElse("1");
        // RFC 9110, section 12.4.2: qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )
        if (!q.matches("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?")) {
            throw ProblemException.badRequest(HttpHeaders.ACCEPT, "'" + q + "' is not a quality value (0 to 1, at most"
                    + " three decimals)");
        }
        return Double.parseDouble(q);
    }

    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
