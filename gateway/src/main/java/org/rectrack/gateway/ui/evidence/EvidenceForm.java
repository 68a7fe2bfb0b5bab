package org.rectrack.gateway.ui.evidence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.MultivaluedMap;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rectrack.gateway.ui.form.FormProblem;

/**
 * What an NGO typed into the "log evidence" form, exactly as typed (nothing is parsed away, so that a form shown
 * again after a problem keeps it all), and the evidence request the form stands for.
 *
 * <p>The inputs are named by the JSON paths of {@code SubmitEvidenceRequest} ({@code summary}, {@code source.url},
 * {@code recommendations[2].assessment}, {@code metrics[0].value}), so that a problem's {@code errors[].field}
 * names the input it is about. Rows the NGO left empty (a recommendation without an assessment, a metric row
 * without anything) are not sent; {@link Request#formField} maps the request's list indexes back to the rows.
 */
public record EvidenceForm(Map<String, String> values, List<String> recommendationIds, int metricRows,
        boolean fresh) {

    /** An input of the source citation: its name, its key in the labels, and its input type. */
    public record SourceField(String name, String key, String type) {
    }

    private static final List<SourceField> SOURCE_FIELDS = List.of(new SourceField("source.title", "title", "text"),
            new SourceField("source.publisher", "publisher", "text"), new SourceField("source.url", "url", "url"),
            new SourceField("source.documentReference", "documentReference", "text"),
            new SourceField("source.publishedOn", "publishedOn", "date"),
            new SourceField("source.quote", "quote", "text"));


    /** The metric rows a new form shows; "add a row" adds one. */
    static final int FIRST_METRIC_ROWS = 1;

    /** At most this many metric rows (the request takes 50). */
    static final int MAX_METRIC_ROWS = 50;

    private static final Pattern ROW = Pattern.compile("^(recommendations|metrics)\\[(\\d+)](.*)$");

    private static final List<String> FIELDS = List.of("idempotencyKey", "country", "year", "q", "actionDate",
            "actionPeriod.from", "actionPeriod.to", "summary", "language", "source.title", "source.publisher",
            "source.url", "source.documentReference", "source.publishedOn", "source.quote", "visibility");

    private static final List<String> METRIC_FIELDS = List.of("kind", "value", "unit", "year");

    /** A new form: a fresh Idempotency-Key, so that a double-clicked submit of it creates one record. */
    static EvidenceForm blank(String country, String year, String words) {
        Map<String, String> values = new HashMap<>();
        values.put("idempotencyKey", UUID.randomUUID().toString());
        values.put("visibility", "PUBLIC");
        values.put("language", "lo");
        put(values, "country", country);
        put(values, "year", year);
        put(values, "q", words);
        return new EvidenceForm(Map.copyOf(values), List.of(), FIRST_METRIC_ROWS, true);
    }

    /**
     * The form as posted. The recommendation rows are those the form showed (each a hidden id and an assessment);
     * metric rows are counted from the highest row index posted.
     */
    static EvidenceForm posted(MultivaluedMap<String, String> form) {
        Map<String, String> values = new HashMap<>();
        for (String field : FIELDS) {
            put(values, field, form.getFirst(field));
        }
        List<String> ids = new ArrayList<>();
        int metricRows = 0;
        for (String name : form.keySet()) {
            Matcher row = ROW.matcher(name);
            if (!row.matches() || row.group(2).length() > 3) {
                continue;
            }
            int index = Integer.parseInt(row.group(2));
            if (row.group(1).equals("metrics") && index < MAX_METRIC_ROWS
                    && METRIC_FIELDS.contains(row.group(3).replaceFirst("^\\.", ""))) {
                metricRows = Math.max(metricRows, index + 1);
                put(values, name, form.getFirst(name));
            }
        }
        for (int i = 0; i < 100 && form.containsKey("recommendations[" + i + "].recommendationId"); i++) {
            String id = form.getFirst("recommendations[" + i + "].recommendationId");
            ids.add(id == null ? "" : id.strip());
            put(values, "recommendations[" + i + "].assessment", form.getFirst("recommendations[" + i + "].assessment"));
        }
        return new EvidenceForm(Map.copyOf(values), List.copyOf(ids), Math.max(metricRows, FIRST_METRIC_ROWS), false);
    }

    private static void put(Map<String, String> values, String field, String value) {
        if (value != null && !value.isEmpty()) {
            values.put(field, value);
        }
    }

    /** The inputs of the source citation, in the order the form shows them. */
    public List<SourceField> sourceFields() {
        return SOURCE_FIELDS;
    }

    /** What was typed into the input named {@code field}, or "". */
    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    /** Whether the input named {@code field} holds {@code option} (a selected option, a checked radio). */
    public boolean is(String field, String option) {
        return option.equals(values.get(field));
    }

    /** This form with one more metric row, up to {@link #MAX_METRIC_ROWS}. */
    EvidenceForm withMetricRow() {
        return new EvidenceForm(values, recommendationIds, Math.min(metricRows + 1, MAX_METRIC_ROWS), fresh);
    }

    /** The recommendations the NGO has already given an assessment, to keep them shown when it looks for others. */
    List<UUID> assessed() {
        List<UUID> assessed = new ArrayList<>();
        for (int i = 0; i < recommendationIds.size(); i++) {
            if (!value("recommendations[" + i + "].assessment").isBlank()) {
                parse(recommendationIds.get(i)).ifPresent(assessed::add);
            }
        }
        return assessed;
    }

    /** The assessment given to a recommendation in this form, or "". */
    String assessmentOf(UUID recommendationId) {
        for (int i = 0; i < recommendationIds.size(); i++) {
            if (recommendationIds.get(i).equals(recommendationId.toString())) {
                return value("recommendations[" + i + "].assessment");
            }
        }
        return "";
    }

    /** This form with its recommendation rows as shown now (found and kept ones), each with its assessment. */
    EvidenceForm withRecommendations(List<UUID> shown) {
        Map<String, String> kept = new HashMap<>();
        values.forEach((field, value) -> {
            if (!field.startsWith("recommendations[")) {
                kept.put(field, value);
            }
        });
        List<String> ids = new ArrayList<>();
        for (UUID id : shown) {
            put(kept, "recommendations[" + ids.size() + "].assessment", assessmentOf(id));
            ids.add(id.toString());
        }
        return new EvidenceForm(Map.copyOf(kept), List.copyOf(ids), metricRows, fresh);
    }

    /**
     * The evidence request this form stands for, as JSON: only what was filled in, as typed (the service validates
     * it and names what is wrong). A metric value or year that is a number goes as a number, anything else as the
     * text typed, which the service refuses naming the field.
     */
    Request request() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode body = json.objectNode();
        List<Integer> recommendationRows = new ArrayList<>();
        ArrayNode links = body.putArray("recommendations");
        for (int i = 0; i < recommendationIds.size(); i++) {
            String assessment = value("recommendations[" + i + "].assessment");
            if (!assessment.isBlank()) {
                links.addObject().put("recommendationId", recommendationIds.get(i)).put("assessment", assessment);
                recommendationRows.add(i);
            }
        }
        text(body, "actionDate", "actionDate");
        if (!value("actionPeriod.from").isBlank() || !value("actionPeriod.to").isBlank()) {
            ObjectNode period = body.putObject("actionPeriod");
            text(period, "from", "actionPeriod.from");
            text(period, "to", "actionPeriod.to");
        }
        text(body, "summary", "summary");
        text(body, "language", "language");
        ObjectNode source = body.putObject("source");
        for (String field : List.of("title", "publisher", "url", "documentReference", "publishedOn", "quote")) {
            text(source, field, "source." + field);
        }
        List<Integer> metricRowsSent = new ArrayList<>();
        ArrayNode metrics = body.putArray("metrics");
        for (int i = 0; i < metricRows; i++) {
            String row = "metrics[" + i + "].";
            if (METRIC_FIELDS.stream().allMatch(field -> value(row + field).isBlank())) {
                continue;
            }
            ObjectNode metric = metrics.addObject();
            text(metric, "kind", row + "kind");
            number(metric, "value", row + "value");
            text(metric, "unit", row + "unit");
            number(metric, "year", row + "year");
            metricRowsSent.add(i);
        }
        text(body, "visibility", "visibility");
        return new Request(body, List.copyOf(recommendationRows), List.copyOf(metricRowsSent));
    }

    private void text(ObjectNode node, String name, String field) {
        String typed = value(field).strip();
        if (!typed.isEmpty()) {
            node.put(name, typed);
        }
    }

    private void number(ObjectNode node, String name, String field) {
        String typed = value(field).strip();
        if (typed.isEmpty()) {
            return;
        }
        try {
            node.put(name, new BigDecimal(typed));
        } catch (NumberFormatException notANumber) {
            node.put(name, typed);
        }
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /**
     * The JSON body of the evidence request, and which form row each of its list elements came from.
     *
     * @param body               the request, as {@code POST /evidence} takes it
     * @param recommendationRows for each element of {@code recommendations}, the form row it came from
     * @param metricRows         for each element of {@code metrics}, the form row it came from
     */
    record Request(ObjectNode body, List<Integer> recommendationRows, List<Integer> metricRows) {

        /** The form's input a request field names: {@code metrics[0].value} of the second row sent is that row's. */
        String formField(String field) {
            Matcher row = ROW.matcher(field);
            if (!row.matches() || row.group(2).length() > 3) {
                return field;
            }
            int index = Integer.parseInt(row.group(2));
            List<Integer> rows = row.group(1).equals("metrics") ? metricRows : recommendationRows;
            return index < rows.size() ? row.group(1) + "[" + rows.get(index) + "]" + row.group(3) : field;
        }
    }

    /** The id of the input named {@code field}. */
    public String id(String field) {
        return FormProblem.id(field);
    }
}
