package org.rectrack.events;

import java.util.List;
import java.util.Optional;

import org.rectrack.events.evidence.EvidenceChanged;
import org.rectrack.events.recommendations.EvidenceProposed;
import org.rectrack.events.recommendations.RecommendationChanged;
import org.rectrack.events.recommendations.ReportChanged;

/**
 * An event type: its stable name (never a Java class name), schema version, topic and data record.
 * The JSON Schema of each type is {@code schemas/<name>.v<schemaVersion>.json} in this module.
 */
public record EventType<T>(String name, int schemaVersion, String topic, Class<T> dataType) {

    public static final EventType<ReportChanged> REPORT_CHANGED =
            new EventType<>("rectrack.report.changed", 1, Topics.RECOMMENDATIONS, ReportChanged.class);
    public static final EventType<RecommendationChanged> RECOMMENDATION_CHANGED =
            new EventType<>("rectrack.recommendation.changed", 1, Topics.RECOMMENDATIONS, RecommendationChanged.class);
    /**
     * On the recommendations topic, keyed by the recommendation it bears on: the evidence-service must read it after
     * that recommendation, and one partition is read in order (see {@link EvidenceProposed}).
     */
    public static final EventType<EvidenceProposed> EVIDENCE_PROPOSED =
            new EventType<>("rectrack.evidence.proposed", 1, Topics.RECOMMENDATIONS, EvidenceProposed.class);
    public static final EventType<EvidenceChanged> EVIDENCE_CHANGED =
            new EventType<>("rectrack.evidence.changed", 1, Topics.EVIDENCE, EvidenceChanged.class);

    public static final List<EventType<?>> ALL = List.of(REPORT_CHANGED, RECOMMENDATION_CHANGED, EVIDENCE_PROPOSED,
            EVIDENCE_CHANGED);

    public static Optional<EventType<?>> byName(String name) {
        return ALL.stream().filter(type -> type.name.equals(name)).findFirst();
    }

    public String schemaResource() {
        return "schemas/" + name + ".v" + schemaVersion + ".json";
    }
}
