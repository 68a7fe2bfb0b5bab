package org.rectrack.gateway.ui;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The UI's labels, in {@code messages/msg_en.properties} (the default) and {@code messages/msg_lo.properties}; in
 * templates as {@code {msg:key}}. A key missing from either file fails {@code MessagesTest}; one missing from English
 * fails the build.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Messages {

    // The layout
    @Message String site_tagline();
    @Message String skip_to_content();
    @Message String language();
    @Message String as_of();
    @Message String as_of_hint();
    @Message String show();
    @Message String signed_in_as();
    @Message String not_signed_in();
    @Message String sign_out();
    @Message String nav_label();
    @Message String frame_statement(String asOf, String knownAt);
    @Message String frame_pin();
    @Message String footer_method();
    @Message String footer_api();

    // Roles
    @Message String role_admin();
    @Message String role_ngo();
    @Message String role_reviewer();
    @Message String role_diplomat();
    @Message String role_auditor();

    // Navigation, one per page
    @Message String nav_home();
    @Message String nav_search();
    @Message String nav_method();
    @Message String nav_my_organisation();
    @Message String nav_log_evidence();
    @Message String nav_review();
    @Message String nav_changes();
    @Message String nav_compliance();
    @Message String nav_verify();
    @Message String nav_import();
    @Message String nav_lineage();
    @Message String nav_reports();
    @Message String nav_system();

    // The start page
    @Message String home_title();
    @Message String home_intro();
    @Message String home_boards();
    @Message String home_no_reports();
    @Message String home_your_work();
    @Message String tier(String tier);

    // Errors
    @Message String error_title();
    @Message String error_status(int status);
    @Message String error_field();
    @Message String error_home();
}
