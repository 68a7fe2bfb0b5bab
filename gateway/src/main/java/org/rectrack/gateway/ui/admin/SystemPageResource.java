package org.rectrack.gateway.ui.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rectrack.gateway.readmodel.ConsumerLag;
import org.rectrack.gateway.readmodel.RebuildJob;
import org.rectrack.gateway.readmodel.RebuildJobs;
import org.rectrack.gateway.ui.Chrome;
import org.rectrack.gateway.ui.PageContext;
import org.rectrack.gateway.ui.Pages;
import org.rectrack.platform.request.QueryValues;
import org.rectrack.platform.security.Caller;
import org.rectrack.platform.security.Roles;

/**
 * "System" ({@code /system}, role admin): the read model's lag per topic (records not yet applied), how many records
 * each dead-letter topic holds, and the rebuild of the read model: the same job as {@code POST /admin/rebuilds}, one
 * at a time, its progress shown (htmx refreshes it; without JavaScript, reloading the page does).
 */
@Path(Pages.ROOT + "/system")
@Produces(MediaType.TEXT_HTML)
public class SystemPageResource {

    @CheckedTemplate(basePath = "ui/admin")
    static class Templates {
        static native TemplateInstance system(Chrome chrome, Map<String, Long> lag, Map<String, Long> deadLetters,
                RebuildJob rebuild);

        static native TemplateInstance system$progress(RebuildJob rebuild);
    }

    private final PageContext context;
    private final ConsumerLag lag;
    private final RebuildJobs rebuilds;
    private final Caller caller;
    private final List<String> deadLetterTopics;

    SystemPageResource(PageContext context, ConsumerLag lag, RebuildJobs rebuilds, Caller caller,
            @ConfigProperty(name = "mp.messaging.incoming.recommendations.dead-letter-queue.topic") String recommendationsDlq,
            @ConfigProperty(name = "mp.messaging.incoming.evidence.dead-letter-queue.topic") String evidenceDlq) {
        this.context = context;
        this.lag = lag;
        this.rebuilds = rebuilds;
        this.caller = caller;
        this.deadLetterTopics = List.of(recommendationsDlq, evidenceDlq);
    }

    /** @param rebuild the id of a rebuild started from this page, whose progress it shows */
    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(hidden = true)
    public TemplateInstance page(@QueryParam("rebuild") String rebuild) {
        RebuildJob job = job(rebuild).orElse(null);
        if (context.htmx() && job != null) {
            return context.render(Templates.system$progress(job));
        }
        return context.render(Templates.system(context.chrome(), lag.measure().orElse(Map.of()),
                lag.deadLetters(deadLetterTopics).orElse(Map.of()), job));
    }

    /** Starts a rebuild (a 409 page when one is under way on any instance), then 303 to its progress. */
    @POST
    @Path("/rebuilds")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ADMIN)
    @Operation(hidden = true)
    public Response rebuild(@Context UriInfo uri) {
        RebuildJob job = rebuilds.start(caller.name());
        return Response.seeOther(uri.getBaseUri().resolve("/system?rebuild=" + job.id)).build();
    }

    private Optional<RebuildJob> job(String id) {
        return QueryValues.optionalUuid("rebuild", id).flatMap(rebuilds::find);
    }
}
