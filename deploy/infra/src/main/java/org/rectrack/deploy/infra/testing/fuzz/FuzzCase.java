package org.rectrack.deploy.infra.testing.fuzz;

import java.util.List;
import java.util.Map;

/**
 * One request the fuzzer sends to an operation: what is hostile about it, and the parts it sets.
 *
 * @param label       what was changed, e.g. {@code body source.title: unpaired surrogate \ud800}
 * @param auth        which credentials go with it
 * @param role        the role of the token for {@link Auth#ROLE}; null to take the operation's roles in turn
 * @param pathValues  path parameters set by this case, already percent-encoded; the others take valid values
 * @param query       query parameters, names and values already percent-encoded, in order (a name may repeat)
 * @param headers     extra request headers
 * @param contentType the Content-Type header, or null to send none
 * @param body        the body's bytes, or null to send none
 * @param chunked     send the body without Content-Length (chunked transfer encoding)
 * @param mustRefuse  the input is wrong whatever the data, so only a 4xx answer is right
 */
record FuzzCase(String label, Auth auth, String role, Map<String, String> pathValues, List<Map.Entry<String, String>> query,
        Map<String, String> headers, String contentType, byte[] body, boolean chunked, boolean mustRefuse) {

    /** The credentials a case sends. */
    enum Auth {
        /** A valid token of a role the operation accepts. */
        ROLE,
        /** No Authorization header. */
        NONE,
        /** A bearer "token" that is not a JWT. */
        GARBAGE,
        /** A correctly signed token that has expired. */
        EXPIRED,
        /** A valid token of a role the operation does not accept. */
        OTHER_ROLE,
        /** HTTP Basic credentials instead of a bearer token. */
        BASIC
    }
}
