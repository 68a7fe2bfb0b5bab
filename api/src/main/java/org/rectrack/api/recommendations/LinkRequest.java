package org.rectrack.api.recommendations;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** Marks a recommendation as the continuation of one from an earlier year's report. */
public record LinkRequest(@NotNull UUID continuesFromId) {
}
