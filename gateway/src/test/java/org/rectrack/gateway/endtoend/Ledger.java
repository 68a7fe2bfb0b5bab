package org.rectrack.gateway.endtoend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The writes a {@link WriteLoad} had answered 2xx, checked against what the evidence-service owns and what one
 * gateway shows (each piece of evidence as listed by {@code GET /evidence}, by id).
 *
 * @param lost      writes answered 2xx whose state the gateway's history of the evidence lacks
 * @param doubled   evidence whose history at the gateway holds one state twice
 * @param differing evidence whose state, version or history at the gateway is not the evidence-service's
 */
record Ledger(List<String> lost, List<String> doubled, List<String> differing) {

    static Ledger check(Map<UUID, List<String>> acknowledged, Map<UUID, JsonNode> owned, Map<UUID, JsonNode> shown) {
        List<String> lost = new ArrayList<>();
        List<String> doubled = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        acknowledged.forEach((id, states) -> {
            List<String> history = history(shown.get(id));
            for (String state : states) {
                if (!history.contains(state)) {
                    lost.add(id + " " + state + " (the gateway shows " + history + ", the evidence-service "
                            + history(owned.get(id)) + ")");
                }
            }
        });
        owned.forEach((id, evidence) -> {
            List<String> history = history(shown.get(id));
            if (history.size() != history.stream().distinct().count()) {
                doubled.add(id + " " + history);
            }
            JsonNode gateway = shown.get(id);
            if (gateway == null || gateway.path("version").asLong() != evidence.path("version").asLong()
                    || !gateway.path("state").equals(evidence.path("state"))
                    || !history.equals(history(evidence))) {
                differing.add(id + ": gateway " + (gateway == null ? "nothing" : gateway.path("state").asText()
                        + " v" + gateway.path("version").asLong()) + ", evidence-service "
                        + evidence.path("state").asText() + " v" + evidence.path("version").asLong());
            }
        });
        return new Ledger(lost, doubled, differing);
    }

    /** The states of the evidence's review history, oldest first; none for no evidence. */
    static List<String> history(JsonNode evidence) {
        List<String> states = new ArrayList<>();
        if (evidence != null) {
            evidence.path("history").forEach(step -> states.add(step.path("state").asText()));
        }
        return states;
    }
}
