package org.rectrack.platform.security;

/** The roles a token's {@code groups} claim may carry. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String NGO = "ngo";
    public static final String REVIEWER = "reviewer";
    public static final String DIPLOMAT = "diplomat";
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
