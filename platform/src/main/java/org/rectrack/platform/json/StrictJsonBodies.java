package org.rectrack.platform.json;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * A request body is one JSON value: {@code {"summary":"a"} {"summary":"b"}} is refused (400), not read as its
 * first value with the rest silently dropped (RFC 8259 §2: a JSON text is one value). Jackson stops after the
 * first value unless told otherwise; {@code quarkus.jackson.*} has no setting for it.
 */
@Singleton
public class StrictJsonBodies implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
