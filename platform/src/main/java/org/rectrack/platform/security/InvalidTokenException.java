package org.rectrack.platform.security;

/**
 * A bearer token that is validly signed but not one rectrack can read: a claim of the wrong type or shape. Answered
 * 401 (RFC 6750, section 3.1: {@code invalid_token}), with the message naming the claim, by
 * {@link org.rectrack.platform.problem.ProblemMappers}, also when it comes as the cause of an
 * {@link io.quarkus.security.AuthenticationFailedException} (how an identity augmentor fails).
 */
public class InvalidTokenException extends SecurityException {

    public InvalidTokenException(String message) {
        super(message);
    }
}
