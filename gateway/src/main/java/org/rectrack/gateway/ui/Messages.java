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
    // The work pages' forms (log evidence, review, compliance, admin)
    @Message String form_retry_after(String seconds);
    @Message String form_kept();
    @Message String form_country();
    @Message String form_country_hint();
    @Message String form_year();
    @Message String form_rank();
    @Message String form_recommendation();
    @Message String form_status();
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
    @Message String compliance_title();
    @Message String compliance_as_of_hint();
    @Message String compliance_known_at();
    @Message String compliance_known_at_hint();
    @Message String compliance_issued();
    @Message String compliance_what();
    @Message String compliance_data_sha();
    @Message String compliance_issued_by();
    @Message String compliance_files();
    @Message String compliance_format();
    @Message String compliance_api();
    @Message String compliance_issue();
    @Message String compliance_issue_hint();
    @Message String compliance_summary();
    @Message String compliance_total();
    @Message String compliance_share();
    @Message String compliance_recommendations();
    @Message String compliance_evidence();
    @Message String compliance_withdrawn();
    @Message String compliance_outstanding(Integer year);
    @Message String verify_title();
    @Message String verify_intro();
    @Message String verify_how();
    @Message String verify_file();
    @Message String verify_hash();
    @Message String verify_submit();
    @Message String verify_regenerated();
    @Message String verdict(String verdict);
    @Message String system_title();
    @Message String system_lag();
    @Message String system_lag_hint();
    @Message String system_topic();
    @Message String system_records();
    @Message String system_unknown();
    @Message String system_dead_letters();
    @Message String system_dead_letters_hint();
    @Message String system_rebuild();
    @Message String system_rebuild_hint();
    @Message String system_rebuild_start();
    @Message String system_refresh();
    @Message String import_title();
    @Message String import_intro();
    @Message String import_done();
    @Message String import_before();
    @Message String import_proposed(int proposed, int unmatched);
    @Message String import_job();
    @Message String import_text();
    @Message String import_paste();
    @Message String import_pdf();
    @Message String import_hints();
    @Message String import_tier();
    @Message String import_dry_run();
    @Message String import_confirm();
    @Message String import_preview();
    @Message String import_result();
    @Message String import_recommendations();
    @Message String import_pillars();
    @Message String import_lineage();
    @Message String import_continues();
    @Message String import_similarity();
    @Message String import_linked();
    @Message String import_yes();
    @Message String import_no();
    @Message String import_drafts();
    @Message String reports_title();
    @Message String reports_publish();
    @Message String reports_report();
    @Message String reports_field(String field);
    @Message String reports_recommendation(int number);
    @Message String reports_target_groups();
    @Message String reports_change();
    @Message String reports_revision(int revision);
    @Message String reports_new_text();
    @Message String reports_revise();
    @Message String reports_withdraw();
    @Message String lineage_title();
    @Message String lineage_intro();
    @Message String lineage_continues();
    @Message String lineage_none();
    @Message String lineage_link_to();
    @Message String lineage_link();
    @Message String lineage_unlink();

}
