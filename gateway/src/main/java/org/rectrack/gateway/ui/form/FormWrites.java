package org.rectrack.gateway.ui.form;

import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.rectrack.gateway.routing.Owner;
import org.rectrack.gateway.routing.Routing;

/**
 * How a page's form makes its change: through the same routed write as the JSON API ({@link Routing#write}: the
 * owner's rules, idempotency, read-your-writes), then either on to the next page (Post/Redirect/Get) or the same page
 * again with the problem beside the fields it names and everything typed kept, with the problem's status (and
 * {@code Retry-After} when the service is away).
 */
@ApplicationScoped
public class FormWrites {

    private final Routing routing;

    FormWrites(Routing routing) {
        this.routing = routing;
    }

    /**
     * @param owner  the service that owns the change
     * @param call   the change, as a call of the owner's client
     * @param rename the form's name of a field the service's problem names (the API's {@code source.url} may be the
     *               form's {@code source.url}, a list item {@code recommendations[0].assessment}, …)
     * @param done   the answer to a 2xx, given the service's answer (usually a 303 to the page that shows the result)
     * @param again  the page shown again with the problem
     * @return the answer to the form's POST
     */
    public <C> Response send(Owner<C> owner, Function<C, CompletionStage<Response>> call, UnaryOperator<String> rename,
            Function<Response, Response> done, Function<FormProblem, Object> again) {
        FormProblem problem;
        try {
            Response answer = routing.write(owner, call);
            if (answer.getStatus() / 100 == 2) {
                return done.apply(answer);
            }
            problem = FormProblem.of(answer, rename);
        } catch (WebApplicationException unavailable) {
            problem = FormProblem.of(unavailable);
        }
        return shownAgain(problem, again.apply(problem));
    }

    /** The page shown again: the problem's status, and {@code Retry-After} when the problem has one. */
    public static Response shownAgain(FormProblem problem, Object page) {
        Response.ResponseBuilder answer = Response.status(problem.status()).entity(page);
        if (problem.retryAfter() != null) {
            answer.header(HttpHeaders.RETRY_AFTER, problem.retryAfter());
        }
        return answer.build();
    }
}
