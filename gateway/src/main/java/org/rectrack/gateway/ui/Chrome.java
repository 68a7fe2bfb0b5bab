package org.rectrack.gateway.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * What the layout ({@code templates/layout.html}) shows around every page: the language, who is signed in and what
 * their roles open, the page's address (for the language switch and the {@code asOf} control, which keep the rest of
 * the query) and the time frame the page shows.
 *
 * @param language  the labels' language
 * @param name      who is signed in (the token's name), or null when no one is
 * @param roles     the caller's roles ({@code Roles}), in the order of {@code Roles}
 * @param path      the root path the browser asked ({@code /countries/LAO/2023})
 * @param query     the query parameters of the request, in order
 * @param asOf      the day the page is as of, or null on pages that are not in a time frame
 * @param knownAt   the instant the page is as known at, or null likewise
 */
public record Chrome(Language language, String name, List<String> roles, String path, List<Parameter> query,
        LocalDate asOf, Instant knownAt) {

    /** One query parameter. */
    public record Parameter(String name, String value) {
    }

    /** The {@code lang} of the page. */
    public String lang() {
        return language.tag();
    }

    public boolean signedIn() {
        return name != null;
    }

    /**
     * Whether the caller has the role; the layout's navigation shows each role its own pages. (Not {@code is}: that is
     * an operator in Qute's {@code {#if}}.)
     */
    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Whether the page shows a time frame (asOf and knownAt). */
    public boolean framed() {
        return asOf != null && knownAt != null;
    }

    /** The query parameters the {@code asOf} control keeps: all but {@code asOf} itself and the page number. */
    public List<Parameter> keptByAsOf() {
        return query.stream().filter(p -> !p.name().equals("asOf") && !p.name().equals("page")).toList();
    }

    /** htmx's address (it only enhances: every page works without it). */
    public String htmx() {
        return Pages.HTMX;
    }

    /**
     * The {@code asOf} and {@code knownAt} the reader asked for, as a query string to append to a link ({@code ""} or
     * {@code ?asOf=2023-12-31}), so that following a link keeps the view in the same frame.
     */
    public String frameQuery() {
        StringBuilder url = new StringBuilder();
        for (Parameter p : query) {
            if (p.name().equals("asOf") || p.name().equals("knownAt")) {
                url.append(url.isEmpty() ? '?' : '&').append(p.name()).append('=').append(encode(p.value()));
            }
        }
        return url.toString();
    }

    /** The same as {@link #frameQuery}, to append to a query that has begun ({@code ""} or {@code &asOf=…}). */
    public String frameParams() {
        String query = frameQuery();
        return query.isEmpty() ? "" : "&" + query.substring(1);
    }

    /** The asOf the reader asked for, if any (a form's hidden field keeps it). */
    public String askedAsOf() {
        return query.stream().filter(p -> p.name().equals("asOf")).map(Parameter::value).findFirst().orElse(null);
    }

    /** The knownAt the reader asked for, if any. */
    public String askedKnownAt() {
        return query.stream().filter(p -> p.name().equals("knownAt")).map(Parameter::value).findFirst().orElse(null);
    }

    /** This page's address, for the language switch to send the reader back to. */
    public String here() {
        if (query.isEmpty()) {
            return path;
        }
        StringBuilder url = new StringBuilder(path).append('?');
        for (int i = 0; i < query.size(); i++) {
            url.append(i == 0 ? "" : "&").append(encode(query.get(i).name())).append('=')
                    .append(encode(query.get(i).value()));
        }
        return url.toString();
    }

    /** The switch to another language: a GET link that works without JavaScript ({@code LanguageResource}). */
    public String switchTo(Language other) {
        return "/language?lang=" + other.tag() + "&back=" + encode(here());
    }

    /** The languages other than the page's, for the switch. */
    public List<Language> otherLanguages() {
        return Arrays.stream(Language.values()).filter(other -> other != language).toList();
    }

    /** A link to this page pinned to its frame: the same view, for ever (FramedAnswers' Content-Location rule). */
    public String pinned() {
        StringBuilder url = new StringBuilder(path).append('?');
        for (Parameter p : query) {
            if (!p.name().equals("asOf") && !p.name().equals("knownAt")) {
                url.append(encode(p.name())).append('=').append(encode(p.value())).append('&');
            }
        }
        return url.append("asOf=").append(asOf).append("&knownAt=").append(encode(knownAt.toString())).toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
