package org.rectrack.gateway.subscriptions.resource;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rectrack.gateway.subscriptions.api.DeliveryResponse;
import org.rectrack.gateway.subscriptions.api.SubscriptionExamples;
import org.rectrack.gateway.subscriptions.api.SubscriptionRequest;
import org.rectrack.gateway.subscriptions.api.SubscriptionResponse;
import org.rectrack.gateway.subscriptions.domain.Subscription;
import org.rectrack.gateway.subscriptions.service.AtomFeeds;
import org.rectrack.gateway.subscriptions.service.SubscriptionService;
import org.rectrack.gateway.subscriptions.service.SubscriptionService.Owner;
import org.rectrack.gateway.subscriptions.WebhooksConfig;
import org.rectrack.platform.paging.Page;
import org.rectrack.platform.paging.PageParams;
import org.rectrack.platform.problem.Problem;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.security.Caller;
import org.rectrack.platform.security.Roles;

/**
 * REST entry point for subscriptions: anyone signed in subscribes to changes (Standard Webhooks deliveries, and an
 * Atom feed), lists, reads, deletes and resumes their own; an admin lists everyone's ({@code ?all=true}).
 */
@Path("/subscriptions")
@Tag(name = "Subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR })
public class SubscriptionResource {

    private final SubscriptionService subscriptions;
    private final AtomFeeds feeds;
    private final WebhooksConfig config;
    private final Caller caller;

    SubscriptionResource(SubscriptionService subscriptions, AtomFeeds feeds, WebhooksConfig config, Caller caller) {
        this.subscriptions = subscriptions;
        this.feeds = feeds;
        this.config = config;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe to changes (any signed-in role; the review queue: reviewers)",
            description = "Deliveries are POSTed to `callbackUrl` as Standard Webhooks (headers webhook-id,"
                    + " webhook-timestamp, webhook-signature), signed with the `secret` of this answer, which is shown"
                    + " only here. Exactly one scope: `country`, `country` and `year`, `recommendationId`, or"
                    + " `reviewQueue: true`. What is announced is what the subscriber may see: restricted evidence of"
                    + " another organisation never reaches them, nor a status change it makes.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SubscriptionRequest.class),
            examples = @ExampleObject(name = "lao-2023", summary = "status changes and verifications on Laos 2023",
                    value = SubscriptionExamples.CREATE)))
    @APIResponse(responseCode = "201", description = "Subscribed; the answer holds the secret, shown this once; Location"
            + " names the subscription",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = SubscriptionResponse.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or wrong (events, scope, country, year);"
            + " errors names each", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token carries no rectrack role, or asks for the review queue"
            + " without being a reviewer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The callback URL is one the gateway does not deliver to: not https,"
            + " or a host that does not resolve or resolves to a loopback, link-local, private, unique-local, multicast"
            + " or unspecified address", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response subscribe(SubscriptionRequest request, @Context UriInfo uri) {
        Subscription subscription = subscriptions.subscribe(request, owner());
        return Response.created(uri.getBaseUriBuilder().path(SubscriptionResource.class)
                .path(subscription.id.toString()).build())
                .entity(SubscriptionResponse.of(subscription, true))
                .build();
    }

    @GET
    @Operation(summary = "List one's own subscriptions, newest first; admins with all=true everyone's",
            description = "Never with their secrets.")
    @APIResponse(responseCode = "200", description = "One page of subscriptions")
    @APIResponse(responseCode = "400", description = "A query parameter is wrong",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "all=true without being an admin, or no rectrack role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<SubscriptionResponse> list(
            @Parameter(description = "every subscriber's (role admin)", example = "false") @QueryParam("all") String all,
            @BeanParam PageParams page) {
        return subscriptions.list(owner(), flag("all", all), page.toRequest()).map(SubscriptionResponse::of);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of one's own subscriptions (admins: any), without its secret",
            description = "A paused subscription says why (pausedReason).")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(schema = @Schema(implementation = SubscriptionResponse.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token carries no rectrack role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No subscription of the caller's with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SubscriptionResponse get(@PathParam("id") UUID id) {
        return SubscriptionResponse.of(subscriptions.get(id, owner()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete one of one's own subscriptions, with its messages and delivery log")
    @APIResponse(responseCode = "204", description = "Deleted: nothing more is delivered")
    @APIResponse(responseCode = "400", description = "The id is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token carries no rectrack role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No subscription of the caller's with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") UUID id) {
        subscriptions.delete(id, owner());
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/resume")
    @Operation(summary = "Resume one of one's own paused subscriptions",
            description = "Its pending messages are due at once, in order; those given up stay given up. An active"
                    + " subscription stays as it is.")
    @APIResponse(responseCode = "200", description = "The subscription, active",
            content = @Content(schema = @Schema(implementation = SubscriptionResponse.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token carries no rectrack role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No subscription of the caller's with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SubscriptionResponse resume(@PathParam("id") UUID id) {
        return SubscriptionResponse.of(subscriptions.resume(id, owner()));
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The delivery log of one of one's own subscriptions, newest attempt first",
            description = "Each attempt: the message's webhook-id, its number, the receiver's status code, the latency"
                    + " in milliseconds, the outcome, the error, and when the next attempt is due.")
    @APIResponse(responseCode = "200", description = "One page of attempts")
    @APIResponse(responseCode = "400", description = "The id is not a UUID, or a query parameter is wrong",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token carries no rectrack role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No subscription of the caller's with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<DeliveryResponse> deliveries(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return subscriptions.deliveries(id, owner(), page.toRequest()).map(DeliveryResponse::of);
    }

    @GET
    @Path("/{id}/feed")
    @Produces(AtomFeeds.MEDIA_TYPE)
    @Operation(summary = "The Atom feed of one of one's own subscriptions: its messages, newest first",
            description = "Each entry's id is urn:uuid: and the message's webhook-id; its content is the webhook body.")
    @APIResponse(responseCode = "200", description = "The feed",
            content = @Content(mediaType = AtomFeeds.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token carries no rectrack role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No subscription of the caller's with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response feed(@PathParam("id") UUID id, @Context UriInfo uri) {
        Owner owner = owner();
        Subscription subscription = subscriptions.get(id, owner);
        String feed = feeds.subscription(subscription,
                subscriptions.latestMessages(id, owner, config.feedEntries()), uri.getRequestUri().toString());
        return Response.ok(feed, AtomFeeds.MEDIA_TYPE).build();
    }

    private Owner owner() {
        Set<String> roles = Stream.of(Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR)
                .filter(caller::is).collect(Collectors.toSet());
        return new Owner(caller.subject(), caller.name(), roles, caller.organisation().orElse(null));
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ProblemException.badRequest(name, "must be true or false");
    }
}
