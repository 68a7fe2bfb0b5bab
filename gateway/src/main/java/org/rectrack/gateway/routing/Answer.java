package org.rectrack.gateway.routing;

import java.util.Map;

/**
 * A downstream service's answer, read whole inside the timeout: its status, the headers worth relaying, and
 * its body as bytes, so the caller gets it unchanged.
 */
public record Answer(int status, String contentType, Map<String, String> headers, byte[] body) {
}
