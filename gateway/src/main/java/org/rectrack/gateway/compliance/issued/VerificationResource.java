package org.rectrack.gateway.compliance.issued;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.rectrack.gateway.compliance.issued.api.IssuedExamples;
import org.rectrack.gateway.compliance.issued.api.Verification;
import org.rectrack.gateway.compliance.issued.api.VerifyHashRequest;
import org.rectrack.platform.problem.Problem;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.security.Roles;

/**
 * REST entry point for verifying a compliance report someone holds: did rectrack issue it, and does the read model
 * still regenerate it? The file comes as the raw body (curl's {@code --data-binary @report.pdf} with its
 * Content-Type) or as the {@code file} field of a form upload (a browser's form, curl's {@code -F file=@report.pdf});
 * or only its hash comes, as JSON {@code {"sha256": "…"}} or the {@code sha256} field of a form. A file rectrack did
 * not issue is a 200 answer that says so ({@code issued: false}), not an error: the tool worked, the file is not
 * rectrack's.
 */
@Path("/compliance-reports/verify")
@Tag(name = "Compliance reports")
@Produces(MediaType.APPLICATION_JSON)
public class VerificationResource {

    private static final String CSV = "text/csv";
    private static final String PDF = "application/pdf";
    private static final String DESCRIPTION = "Says whether rectrack issued the file (its SHA-256 is that of an issued"
            + " report), for what (country, year, asOf, knownAt, format, who, when), and proves it by regenerating the"
            + " bytes from the read model with the recorded parameters: `REGENERATED_AND_IDENTICAL`, or"
            + " `REGENERATION_DIFFERS` with how (the data changed, which means the read model's history changed, or"
            + " only the rendering). A file or hash rectrack did not issue is answered 200 with `issued: false` and"
            + " verdict `NOT_ISSUED`: not an error of the tool. Send the file as the raw body with its type (JSON,"
            + " CSV, PDF or application/octet-stream), as the `file` field of multipart/form-data, or only its hash:"
            + " `{\"sha256\": \"…\"}` as JSON or the `sha256` field of a form. A JSON body with a `sha256` field is a"
            + " hash; one with a `dataSha256` field (as every JSON report has) is a JSON report's bytes, verified as"
            + " sent; any other JSON is a 400. A body sent as JSON or CSV must"
            + " be UTF-8 (JSON also well-formed), as every report rectrack issues is: other bytes are a 400 naming where"
            + " they stop being text; send such a file as application/octet-stream to have it verified. Files up to the body size"
            + " limit (1 MiB by default; 413 beyond).";

    private final Verifier verifier;
    private final ObjectMapper mapper;

    VerificationResource(Verifier verifier, ObjectMapper mapper) {
        this.verifier = verifier;
        this.mapper = mapper;
    }

    /**
     * A file as the raw body, or a hash as {@code {"sha256": "…"}}.
     *
     * @throws ProblemException 400 when the body is empty, a JSON body is not a JSON object, has neither
     *                          {@code sha256} nor {@code dataSha256}, or its {@code sha256} is not 64 hex digits or
     *                          comes with other fields
     */
    @POST
    @Consumes({ MediaType.APPLICATION_JSON, CSV, PDF, MediaType.APPLICATION_OCTET_STREAM })
    @RolesAllowed({ Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(summary = "Verify a compliance report by its file or its SHA-256 (any signed-in role)",
            description = DESCRIPTION)
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VerifyHashRequest.class),
                    examples = @ExampleObject(name = "hash", summary = "Only the file's SHA-256",
                            value = IssuedExamples.VERIFY_HASH)),
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(type = SchemaType.OBJECT, properties = {
                    @SchemaProperty(name = "file", type = SchemaType.STRING, format = "binary",
                            description = "the report's file"),
                    @SchemaProperty(name = "sha256", type = SchemaType.STRING, description = "or only its SHA-256") })),
            @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "200", description = "Whether rectrack issued it, for what, and whether it regenerates"
            + " identically; issued is false for a file rectrack did not issue",
            content = @Content(schema = @Schema(implementation = Verification.class), examples = {
                    @ExampleObject(name = "identical", value = IssuedExamples.VERIFIED),
                    @ExampleObject(name = "differs", value = IssuedExamples.DIFFERS),
                    @ExampleObject(name = "not issued", value = IssuedExamples.NOT_ISSUED) }))
    @APIResponse(responseCode = "400", description = "No file, a hash that is not 64 hex digits, or a JSON body that"
            + " is not a JSON object", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token carries no rectrack role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The file is larger than the body size limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body's type is none of those above",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Verification verify(byte[] body, @Context HttpHeaders headers) {
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("body", "is empty: send the report's file, or {\"sha256\": \"…\"}");
        }
        MediaType type = headers.getMediaType();
        if (type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            JsonNode json = json(body);
            if (json.has("sha256")) {
                return verifier.verifyHash(hash(json));
            }
            if (!json.has("dataSha256")) {
                // Every JSON compliance report states its data fingerprint: this is neither a hash nor a report.
                throw ProblemException.badRequest("sha256", "is required: give {\"sha256\": \"…\"}, or send a JSON"
                        + " compliance report (it has dataSha256) as it was issued");
            }
        }
        return verifier.verifyFile(body);
    }

    /**
     * A browser's (or {@code curl -F}'s) form upload: the {@code file} field, or the {@code sha256} field.
     *
     * @throws ProblemException 400 when the form has neither, or both
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({ Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(hidden = true)
    public Verification verifyForm(@RestForm("file") FileUpload file, @RestForm("sha256") String sha256) {
        boolean hasHash = sha256 != null && !sha256.isBlank();
        if (file != null && hasHash) {
            throw ProblemException.badRequest("sha256", "give a file or its sha256, not both");
        }
        if (hasHash) {
            return verifier.verifyHash(sha256.strip());
        }
        if (file == null) {
            throw ProblemException.badRequest("file", "is required: the report's file (or give its sha256)");
        }
        try {
            byte[] bytes = Files.readAllBytes(file.uploadedFile());
            if (bytes.length == 0) {
                throw ProblemException.badRequest("file", "is empty: choose the report's file");
            }
            return verifier.verifyFile(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("reading an uploaded file", e);
        }
    }

    /** The body as JSON: one JSON object, as every JSON rectrack issues is (the platform checked its UTF-8). */
    private JsonNode json(byte[] body) {
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("body", "is not JSON, as its Content-Type says: "
                    + e.getOriginalMessage() + "; send a file of another type as application/octet-stream");
        } catch (IOException e) {
            throw new UncheckedIOException("reading a body held in memory", e);
        }
        if (json == null || !json.isObject()) {
            throw ProblemException.badRequest("body", "must be a JSON object: {\"sha256\": \"…\"}, or a JSON"
                    + " compliance report");
        }
        return json;
    }

    /** {@code {"sha256": "…"}} and nothing else. */
    private static String hash(JsonNode json) {
        if (json.size() != 1) {
            json.fieldNames().forEachRemaining(name -> {
                if (!name.equals("sha256")) {
                    throw ProblemException.badRequest(name, "is not a field of this request: give only sha256");
                }
            });
        }
        JsonNode sha256 = json.get("sha256");
        if (!sha256.isTextual()) {
            throw ProblemException.badRequest("sha256", "must be a string of 64 hex digits");
        }
        return sha256.asText();
    }
}
