package org.rectrack.deploy.infra.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Request bodies that a JSON library or a String would never write: for the services' hostile-input tests. */
public final class HostileBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HostileBodies() {
    }

    /** The value as JSON text, to be edited into something hostile (a duplicate key, a lone surrogate escape). */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code before} and {@code after} in UTF-8 around raw {@code bytes} (which need not be UTF-8 at all). */
    public static byte[] concat(String before, byte[] bytes, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
