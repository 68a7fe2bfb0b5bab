package org.rectrack.platform.paging;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rectrack.platform.request.QueryValues;

/**
 * The {@code page} and {@code size} query parameters of every list endpoint. Read as text so that
 * {@code ?size=abc} gets a 400 naming the parameter rather than the 404 JAX-RS gives by default.
 */
public class PageParams {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    @QueryParam("page")
    @Parameter(description = "zero-based page number", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
    String page;

    @QueryParam("size")
    @Parameter(description = "items per page, at most " + MAX_SIZE,
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
    String size;

    public PageRequest toRequest() {
        int pageNumber = QueryValues.integer("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE);
        int pageSize = QueryValues.integer("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        return new PageRequest(pageNumber, pageSize);
    }
}
