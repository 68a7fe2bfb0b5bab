package org.rectrack.gateway.subscriptions.api;

/** Examples of the OpenAPI document. */
public final class SubscriptionExamples {

    public static final String CREATE = """
            {"callbackUrl": "https://hooks.example.org/rectrack", "events": ["status.changed", "evidence.verified"],
             "country": "LAO", "year": 2023}""";

    private SubscriptionExamples() {
    }
}
