"""The fields the parser still gets wrong on the corpus of real layouts (tests/data/corpus/).

tests/ingest/test_corpus.py asserts that each document misses exactly the fields listed here: a fix
must delete its entry (the test names it), a regression fails. Empty this dict; never add to it.
Regenerate the figures with `.venv/bin/python -m bench.score_corpus`.
"""

# fmt: off
KNOWN_MISSES: dict[str, set[str]] = {
    "city_image_block_future_session_date.txt": {"title", "teaser", "body", "image_credit", "people", "roles"},
    "city_jena_role_after_name.txt": {"source_kind"},
    "city_listing_top_item_without_headline.txt": {"source_kind", "title", "teaser", "body", "related"},
    "city_subtitle_under_headline.txt": {"source_kind", "title"},
    "corporate_blog_credit_pipe_no_date.txt": {"image_credit"},
    "district_local_tv_initials_teaser_list.txt": {"body", "author", "related"},
    "district_stray_period_date.txt": {"source_kind", "date", "date_precision"},
    "email_forward_wg_pm_number.txt": {"title", "date", "teaser", "body", "people", "roles"},
    "email_fwd_english_headers_dateline.txt": {"source_kind", "date", "date_precision", "teaser", "roles"},
    "event_page_programme_venue.txt": {"title", "teaser", "body", "people", "roles"},
    "feed_rss_dpa_cdata.txt": {"source_kind", "title", "date", "date_precision", "teaser", "body", "author", "category", "people", "roles"},
    "feed_rss_item_entities.txt": {"source_kind", "title", "date", "date_precision", "teaser", "body"},
    "interview_two_pages_repeated_header.txt": {"kicker", "title", "teaser", "body", "author"},
    "k21_interview_render_date.txt": {"kicker", "title", "body", "image_credit"},
    "k21_mirror_caption_yesterday.txt": {"kicker", "title", "body", "image_credit"},
    "k21_mirror_run_together_no_date.txt": {"kicker", "title", "teaser", "body", "image_credit"},
    "landtag_media_library_duration.txt": {"body", "related"},
    "landtag_newsletter_mirror.txt": {"kicker", "date", "date_precision", "body"},
    "magazine_subtitle_photo_credit_pipe.txt": {"source_kind", "title", "body", "image_credit"},
    "markdown_release_links.txt": {"title", "date", "date_precision", "teaser", "body", "links"},
    "mdr_dachzeile_stand_bildrechte.txt": {"source_kind", "kicker", "body", "author", "image_credit", "related"},
    "mdr_dpa_source_line.txt": {"source_kind", "kicker"},
    "ministry_javascript_notice_long_headline.txt": {"title", "date", "date_precision", "teaser", "body"},
    "ministry_release_number_dr_title.txt": {"title", "date", "date_precision", "teaser", "body", "roles"},
    "ministry_today_weekday_date_repeated_lead.txt": {"title", "date", "date_precision"},
    "mp_blog_username_glued.txt": {"teaser", "body", "author", "category", "keywords"},
    "municipal_listing_colon_dates_signature.txt": {"source_kind", "title", "date", "date_precision", "teaser", "body", "people", "roles", "links", "related"},
    "newsletter_digest.txt": {"kicker", "title", "date", "date_precision", "teaser", "body", "related"},
    "party_group_repeated_lead.txt": {"body", "people", "roles"},
    "party_youth_blog_weiterlesen.txt": {"source_kind", "body", "related"},
    "pdf_digital_ministry_hard_breaks.txt": {"title", "date", "date_precision", "teaser", "body", "people", "roles"},
    "pdf_release_hyphens_page_breaks.txt": {"title", "teaser", "body"},
    "portrait_english_skip_glued_date.txt": {"date", "date_precision", "author"},
    "staatskanzlei_detail_release_number.txt": {"date", "date_precision"},
    "staatskanzlei_listing_kicker_glued.txt": {"kicker", "title", "date", "date_precision", "teaser", "body", "related"},
    "staatskanzlei_old_listing_source_date.txt": {"body", "related"},
    "tmdi_release_cookie_banner.txt": {"title", "date", "date_precision", "teaser", "body"},
    "trade_blog_date_by_line_tags.txt": {"body", "author", "category", "keywords"},
    "trade_press_editor_line.txt": {"source_kind", "kicker", "title", "date", "date_precision", "teaser", "body", "author", "links"},
    "university_news_event_report.txt": {"source_kind"},
    "wire_advert_marker_future_dates.txt": {"body"},
    "wire_byline_von_dpa_glued_date.txt": {"source_kind", "kicker", "title", "body", "author", "related"},
    "wire_date_from_dpa_footer_only.txt": {"kicker", "title", "date", "date_precision", "body"},
    "wire_date_glued_to_lead_caption_credit.txt": {"source_kind", "date", "date_precision", "teaser", "body", "image_credit"},
    "wire_lead_above_headline_dpa_footer.txt": {"source_kind", "title", "date", "date_precision", "body", "related"},
    "wire_national_date_time_no_dateline.txt": {"source_kind", "body", "keywords"},
    "wire_regional_premium_furniture.txt": {"kicker", "date", "date_precision", "body"},
}
# fmt: on
