package org.rectrack.gateway.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;
import org.rectrack.platform.security.Caller;

/**
 * The one place where a call to a service gets its Authorization: the caller's own, so that each service checks the
 * caller's roles and organisation itself. A client's bearer token goes on as it came; a browser signed in with the
 * gateway sends no such header, and its session's access token goes instead ({@link Caller#rawToken()}).
 */
@ApplicationScoped
public class CallerAuthorization implements ClientHeadersFactory {

    private final Caller caller;

    CallerAuthorization(Caller caller) {
        this.caller = caller;
    }

    /**
     * @param incoming the headers of the request the gateway is serving
     * @param outgoing the headers the call has so far
     * @return the Authorization header to add: the incoming one, else the session's access token, else none
     */
    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        String authorization = incoming.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            headers.putSingle(HttpHeaders.AUTHORIZATION, authorization);
        } else {
            caller.rawToken().ifPresent(token -> headers.putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token));
        }
        return headers;
    }
}
