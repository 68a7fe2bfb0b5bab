package org.rectrack.events.recommendations;

/** A withdrawn recommendation keeps its record; it only stops accepting evidence. */
public enum RecommendationState {
    ACTIVE,
    WITHDRAWN
}
