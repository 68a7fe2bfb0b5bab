package org.rectrack.gateway.ui;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.rectrack.platform.problem.Problem;

/**
 * A problem answered to a page (ProblemMappers shapes every error, pages' included) is shown as an error page that
 * states its title and detail, with its status and headers kept: a 404 stays a 404, a 403 shows no data, a 503 keeps
 * its Retry-After.
 */
public class PageProblems {

    @CheckedTemplate(basePath = "ui")
    static class Templates {
        static native TemplateInstance error(Chrome chrome, Problem problem);
    }

    private final PageContext context;

    PageProblems(PageContext context) {
        this.context = context;
    }

    @ServerResponseFilter
    public void asPage(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem)
                || !request.getUriInfo().getPath().contains(Pages.ROOT + "/") && !isPageRoot(request)) {
            return;
        }
        String html = context.render(Templates.error(context.chrome(), problem)).render();
        response.setEntity(html, null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.TEXT_HTML + ";charset=UTF-8");
    }

    private static boolean isPageRoot(ContainerRequestContext request) {
        return request.getUriInfo().getPath().endsWith(Pages.ROOT);
    }
}
