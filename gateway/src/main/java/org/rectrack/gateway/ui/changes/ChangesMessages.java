package org.rectrack.gateway.ui.changes;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The labels of the "What changed" page, in {@code messages/changes_en.properties} (the default) and
 * {@code messages/changes_lo.properties}; in templates as {@code {changes:key}}. A bundle of its own: with these keys
 * in {@code msg}, Quarkus generated a resolver for that bundle that the JVM refused to load (VerifyError "Bad type on
 * operand stack" in Messages_Bundle), so the page's labels live beside it. ChangesMessagesTest checks both languages.
 */
@MessageBundle(value = "changes", locale = "en")
public interface ChangesMessages {

    @Message String title();
    @Message String intro();
    @Message String year_over_year();
    @Message String between();
    @Message String from();
    @Message String to();
    @Message String from_hint();
    @Message String to_hint();
    @Message String against(int year);
    @Message String no_previous();
    @Message String tier();
    @Message String direction(String direction);
    @Message String files();
    @Message String new_ones();
    @Message String repeated();
    @Message String dropped();
    @Message String none();
    @Message String status_then();
    @Message String status_now();
    @Message String last_status();
    @Message String text_diff();
    @Message String removed();
    @Message String added();
    @Message String same_text();
    @Message String continues();
    @Message String status_changes();
    @Message String between_statement(String from, String to);
    @Message String no_changes();
    @Message String recorded();
    @Message String caused_by();
}
