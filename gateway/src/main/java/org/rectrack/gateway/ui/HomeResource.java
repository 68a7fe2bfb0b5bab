package org.rectrack.gateway.ui;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rectrack.gateway.readmodel.ReadModel;
import org.rectrack.gateway.readmodel.ReportVersion;
import org.rectrack.gateway.readmodel.TimeFrame;
import org.rectrack.gateway.readmodel.TimeFrames;
import org.rectrack.platform.paging.PageRequest;
import org.rectrack.platform.security.Roles;

/**
 * The start page ({@code /}): every published country-year board, newest first, and the pages of the reader's own
 * roles ("your work"), so that each role starts where it works.
 */
@Path(Pages.ROOT)
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    /** The boards listed: a page of the reports list, newest year first (the API's order). */
    private static final int BOARDS = 100;

    @CheckedTemplate(basePath = "ui")
    static class Templates {
        static native TemplateInstance home(Chrome chrome, List<ReportVersion> reports);
    }

    private final ReadModel readModel;
    private final TimeFrames frames;
    private final PageContext context;

    HomeResource(ReadModel readModel, TimeFrames frames, PageContext context) {
        this.readModel = readModel;
        this.frames = frames;
        this.context = context;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(hidden = true)
    public TemplateInstance home(@QueryParam("asOf") String asOf, @QueryParam("knownAt") String knownAt) {
        TimeFrame frame = frames.resolve(asOf, knownAt, TimeFrame.today());
        var reports = readModel.reports(Optional.empty(), Optional.empty(), frame, new PageRequest(0, BOARDS));
        return context.render(Templates.home(context.chrome(frame), reports.items()));
    }
}
