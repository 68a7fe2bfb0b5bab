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

    // The work pages' forms (log evidence, review, compliance, admin)
    @Message String form_retry_after(String seconds);
    @Message String form_kept();
    @Message String form_country();
    @Message String form_country_hint();
    @Message String form_year();
    @Message String form_rank();
    @Message String form_recommendation();
    @Message String form_status();
    @Message String status_word(String status);
    @Message String assessment(String assessment);
    @Message String metric_kind(String kind);
    @Message String evidence_state(String state);
    @Message String source_field(String key);
    @Message String log_title();
    @Message String log_intro();
    @Message String log_recommendations();
    @Message String log_find_hint();
    @Message String log_words();
    @Message String log_find();
    @Message String log_pick_caption();
    @Message String log_assessment();
    @Message String log_assessment_of(int rank);
    @Message String log_not_this_one();
    @Message String log_none_found();
    @Message String log_when();
    @Message String log_when_hint();
    @Message String log_action_date();
    @Message String log_period_from();
    @Message String log_period_to();
    @Message String log_what();
    @Message String log_summary();
    @Message String log_language();
    @Message String log_source();
    @Message String log_cited_before();
    @Message String log_metrics();
    @Message String log_metrics_hint();
    @Message String log_metric_row(int number);
    @Message String log_metric_kind();
    @Message String log_metric_value();
    @Message String log_metric_unit();
    @Message String log_metric_year();
    @Message String log_add_row();
    @Message String log_visibility();
    @Message String log_public();
    @Message String log_public_hint();
    @Message String log_restricted();
    @Message String log_restricted_hint();
    @Message String log_draft_hint();
    @Message String log_submit();
    @Message String org_title(String organisation);
    @Message String org_recorded();
    @Message String org_see_it();
    @Message String org_by_state();
    @Message String org_reason();
    @Message String org_none();
    @Message String org_untouched(int year);
    @Message String org_no_year();
    @Message String org_log_on_it();
    @Message String org_all_logged();
    @Message String review_title();
    @Message String review_intro();
    @Message String review_organisation();
    @Message String review_any_language();
    @Message String review_waiting(long count);
    @Message String review_caption();
    @Message String review_age();
    @Message String review_age_value(long days, long hours);
    @Message String review_action();
    @Message String review_pages();
    @Message String review_previous_page();
    @Message String review_next_page();
    @Message String review_empty();
    @Message String review_decided();
    @Message String review_item_title();
    @Message String review_back();
    @Message String review_previous();
    @Message String review_next();
    @Message String review_someone_else();
    @Message String review_now_state();
    @Message String review_claim();
    @Message String review_source();
    @Message String review_outcomes();
    @Message String review_if_verified();
    @Message String review_verify();
    @Message String review_note();
    @Message String review_reject();
    @Message String review_reason();
}
