package org.rectrack.events.recommendations;

/** The TIP Report's ranking of a government's efforts. */
public enum Tier {
    TIER_1,
    TIER_2,
    TIER_2_WATCH_LIST,
    TIER_3,
    SPECIAL_CASE
}
