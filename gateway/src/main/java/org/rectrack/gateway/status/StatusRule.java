package org.rectrack.gateway.status;

/** The rules of DESIGN.md in the order they are tried; the first that matches decides the status. */
public enum StatusRule {
    NO_VERIFIED_EVIDENCE(Status.NO_EVIDENCE, "no verified evidence bears on it"),
    LATEST_IS_SETBACK(Status.REGRESSED, "the latest verified evidence, by date of the action, is a setback"),
    SOME_FULFILS(Status.IMPLEMENTED, "some verified evidence says the government fulfilled it"),
    SOME_ADVANCES(Status.IN_PROGRESS, "some verified evidence says the government advanced it"),
    NOTHING_ADVANCES(Status.NOT_STARTED, "no verified evidence says it advanced or was fulfilled, and the latest"
            + " is no setback: it all says no progress (an earlier setback counts here too)");

    private final Status status;
    private final String description;

    StatusRule(Status status, String description) {
        this.status = status;
        this.description = description;
    }

    public Status status() {
        return status;
    }

    public String description() {
        return description;
    }
}
