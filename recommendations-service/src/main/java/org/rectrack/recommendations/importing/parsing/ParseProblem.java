package org.rectrack.recommendations.importing.parsing;

/** Why a text could not be read as a report: the thing that is missing or wrong, and what was found. */
public record ParseProblem(String field, String message) {
}
