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

    // Status words, rules, pillars (shared by the pages)
    @Message String status(String status);
    @Message String rule(String rule);
    @Message String pillar(String pillar);

    // The country-year board
    @Message String board_title(String country, int year);
    @Message String board_tier_is();
    @Message String board_tiers();
    @Message String board_filter_status();
    @Message String board_filter_any();
    @Message String board_filter_pillar();
    @Message String board_filter_target_group();
    @Message String board_filter_apply();
    @Message String board_filter_clear();
    @Message String board_distribution(int year);
    @Message String board_chart_title(String country);
    @Message String board_chart_desc();
    @Message String board_chart_caption();
    @Message String board_year();
    @Message String board_total();
    @Message String board_ranked(int count);
    @Message String board_csv();
    @Message String board_print_hint();
    @Message String board_rank();
    @Message String board_recommendation();
    @Message String board_status();
    @Message String board_why();
    @Message String board_outstanding();
    @Message String board_outstanding_since(int since, int years);
    @Message String board_not_outstanding();
    @Message String board_evidence();
    @Message String board_pending(int count);
    @Message String board_none();

    // Evidence words (shared)
    @Message String assessment(String assessment);
    @Message String evidence_state(String state);
    @Message String metric(String kind);

    // The recommendation page
    @Message String rec_title(String code, int rank);
    @Message String rec_withdrawn();
    @Message String rec_report();
    @Message String rec_revision();
    @Message String rec_basis();
    @Message String rec_pending(int count);
    @Message String rec_lineage();
    @Message String rec_outstanding_since(int year);
    @Message String rec_first_made(int year);
    @Message String rec_this_one();
    @Message String rec_evidence();
    @Message String rec_evidence_none();
    @Message String rec_action_date();
    @Message String rec_summary();
    @Message String rec_assessment();
    @Message String rec_state();
    @Message String rec_counts();
    @Message String rec_metrics();
    @Message String rec_metrics_none();
    @Message String rec_metric_desc();
    @Message String rec_value();
    @Message String rec_revisions();
    @Message String rec_revisions_unavailable();

    // The evidence page
    @Message String ev_title();
    @Message String ev_restricted();
    @Message String ev_public();
    @Message String ev_language();
    @Message String ev_source();
    @Message String ev_source_title();
    @Message String ev_publisher();
    @Message String ev_published_on();
    @Message String ev_document();
    @Message String ev_metric();
    @Message String ev_unit();
    @Message String ev_breakdown();
    @Message String ev_metrics_none();
    @Message String ev_bears_on();
    @Message String ev_recommendation_not_published();
    @Message String ev_history();

    // Search
    @Message String search_words();
    @Message String search_hint();
    @Message String search_country();
    @Message String search_recommendations(int count);
    @Message String search_evidence(int count);
    @Message String search_truncated();
}
