package org.rectrack.gateway.signin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The anti-forgery token of a page's forms, for templates: {@code <input type="hidden" name="{inject:csrf.parameterName}"
 * value="{inject:csrf.token}">} (the names quarkus-rest-csrf's helper has). {@link PageFormTokens} gives every page
 * read its token and checks it when the form comes back.
 */
@Named("csrf")
@RequestScoped
public class FormToken {

    /** The form field's default name, as quarkus-rest-csrf's. */
    static final String FIELD = "csrf-token";

    private final RoutingContext routing;
    private final String parameterName;

    FormToken(RoutingContext routing,
            @ConfigProperty(name = "quarkus.rest-csrf.form-field-name", defaultValue = FIELD) String parameterName) {
        this.routing = routing;
        this.parameterName = parameterName;
    }

    /**
     * @return the request's token
     * @throws IllegalStateException outside a page request, where no token is given out
     */
    public String getToken() {
        if (!(routing.get(PageFormTokens.TEMPLATE_TOKEN) instanceof String token)) {
            throw new IllegalStateException("no form token: only a page request has one");
        }
        return token;
    }

    /** @return the name of the form field that carries the token */
    public String getParameterName() {
        return parameterName;
    }
}
