package org.rectrack.gateway.ui.review;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.rectrack.gateway.evidence.EvidenceQueries;
import org.rectrack.platform.paging.Page;
import org.rectrack.platform.request.QueryValues;

/**
 * The review queue's filters as the page's URL carries them ({@code country}, {@code year}, {@code organisation},
 * {@code language}, as typed), so that a filtered queue, and every item reached from it, is a link one can send.
 */
public record ReviewQueue(String country, String year, String organisation, String language) {

    static ReviewQueue of(String country, String year, String organisation, String language) {
        return new ReviewQueue(blankToNull(country), blankToNull(year), blankToNull(organisation), blankToNull(language));
    }

    /** The filter of the evidence queries; a country or year not in its documented form is a 400 naming it. */
    EvidenceQueries.QueueFilter filter() {
        return new EvidenceQueries.QueueFilter(QueryValues.optionalCountry("country", country),
                QueryValues.optionalInteger("year", year, 1900, 9999),
                Optional.ofNullable(organisation), Optional.ofNullable(language));
    }

    /** The filters as a query string ({@code ""} or {@code ?country=LAO&year=2023}), for links that keep them. */
    public String query() {
        StringBuilder query = new StringBuilder();
        append(query, "country", country);
        append(query, "year", year);
        append(query, "organisation", organisation);
        append(query, "language", language);
        return query.toString();
    }

    /** The filters that are set, as name and value, for a form to post them back. */
    public List<Map.Entry<String, String>> fields() {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (var field : List.of(Map.entry("country", Optional.ofNullable(country)),
                Map.entry("year", Optional.ofNullable(year)), Map.entry("organisation", Optional.ofNullable(organisation)),
                Map.entry("language", Optional.ofNullable(language)))) {
            field.getValue().ifPresent(value -> fields.add(Map.entry(field.getKey(), value)));
        }
        return fields;
    }

    /** The address of the page before this one, or null on the first. */
    public String previousPage(Page<?> shown) {
        return shown.page() > 0 ? page(shown.page() - 1) : null;
    }

    /** The address of the page after this one, or null on the last. */
    public String nextPage(Page<?> shown) {
        return shown.page() + 1 < shown.totalPages() ? page(shown.page() + 1) : null;
    }

    /** The queue's address with these filters and another page. */
    String page(int page) {
        String query = query();
        return "/review" + (query.isEmpty() ? "?" : query + "&") + "page=" + page;
    }

    /** An item's address, keeping the filters (its previous and next are within them). */
    public String item(UUID id) {
        return "/review/" + id + query();
    }

    /** The item before and after {@code id} in the queue's order, if any. */
    record Neighbours(UUID previous, UUID next) {
    }

    static Neighbours neighbours(List<UUID> queue, UUID id) {
        int at = queue.indexOf(id);
        if (at < 0) {
            return new Neighbours(null, queue.isEmpty() ? null : queue.getFirst());
        }
        return new Neighbours(at == 0 ? null : queue.get(at - 1), at + 1 < queue.size() ? queue.get(at + 1) : null);
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null) {
            query.append(query.isEmpty() ? '?' : '&').append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
