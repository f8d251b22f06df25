# ruff: noqa: E501 -- the table of pages below reads best one row a line, wider than the code's 120 characters.
"""No page's queries grow with the rows it lists.

Each test requests a page with 3 rows, then with 12, and fails if the second makes more queries (helpers.py:
`same_for_more_rows`; `same_for_a_bigger_object` compares two objects of 3 and 12 rows where rows cannot be added to
one). The rows are made with the apps' factories, and the page is read by a person the authorization matrix
(core/tests/test_authorization_matrix.py and each app's tests/authorization_rows.py) lets see it.

Every page that lists rows, and its test (file: test):

| URL | view | rows listed | test |
|---|---|---|---|
| /home/ | core.views.pages.home | the person's tasks (notifications to start a rapid inquiry on) | spine: test_home_page_tasks |
| /children/ | core.identity.views.child_list | children's pseudonymised records | spine: test_children |
| /people/ (and ?role=) | organisations.views.people.people_list | people with their roles | spine: test_people |
| /people/<pk>/ | organisations.views.people.person_detail | one person's roles | spine: test_roles_of_a_person |
| /people/invitations/ | organisations.views.invitations.invitation_list | invitations | spine: test_invitations |
| /api-tokens/ | api.views_pages.token_list | API tokens with their areas | spine: test_api_tokens |
| /audit/, /audit/export.csv | core.audit_search.views | audit events | spine: test_audit |
| /policy/ | core.clocks.views.policy_table | clock policies and settings | spine: test_policy_table |
| /notifications/ | notifications.views.notification_list | the person's notifications | spine: test_notifications |
| /notifications/emails/failed/ | notifications.views.failed_emails | failed emails | spine: test_failed_emails |
| /jobs/ | jobs.views.job_list | job runs | spine: test_jobs |
| /returns/ | returns.views.request_list | secure links asked for, with their files | spine: test_returns |
| /api/v1/areas | api.views.AreaList | areas the token covers | spine: test_api_areas |
| /incidents/, /incidents/dashboard/ | incidents.views.cases | serious incidents | incidents: test_incident_lists |
| /api/v1/incidents | incidents.api.IncidentList | serious incidents | incidents: test_api_incident_list |
| /incidents/<pk>/ | incidents.views.cases.case_detail | the incident's clock pauses | incidents: test_clock_pauses_of_an_incident |
| /incidents/<pk>/history/ | incidents.views.cases.case_history | status changes | incidents: test_history_of_an_incident |
| /incidents/<pk>/rapid-inquiry/ | incidents.views.rapid_inquiry.rapid_inquiry | agency summaries asked for | incidents: test_agency_summaries_of_a_rapid_inquiry |
| /incidents/<pk>/findings/ | incidents.views.learning.findings | findings and recommendations | incidents: test_findings_of_an_incident |
| /incidents/<pk>/actions/ | incidents.views.actions_pages.action_list | recommendations with actions | incidents: test_actions_of_an_incident |
| /incidents/actions/overdue/ | incidents.views.actions_pages.overdue_actions | overdue actions of every case | incidents: test_overdue_actions |
| /child-deaths/ | child_deaths.views.cases.case_list | child death cases | child_deaths: test_case_list |
| /api/v1/child-deaths/ | child_deaths.api.CaseList | child death cases with their clocks | child_deaths: test_api_case_list |
| /child-deaths/<reference>/ | child_deaths.views.cases.case_detail | the case's agency reports with clocks | child_deaths: test_agency_reports_of_a_case |
| /child-deaths/reports/ | child_deaths.views.reports.agency_reports | agency reports asked of the person's agency | child_deaths: test_agency_reports |
| /child-deaths/themed-meetings/ | child_deaths.views.themes.themed_meetings | themed meetings | child_deaths: test_themed_meetings |
| /child-deaths/themed-meetings/<pk>/ | child_deaths.views.themes.themed_meeting | cases gathered for the meeting | child_deaths: test_cases_of_a_themed_meeting |
| /child-deaths/panel-populations/ | child_deaths.views.themes.panel_population_warnings | panels with their children | child_deaths: test_panel_populations |
| /onboarding/panels/<slug>/ | onboarding.views.panels.panel_detail | the panel's deaths by year | child_deaths: test_deaths_by_year_of_a_panel |
| /arrangements/, /arrangements/national/transition/ (+ .csv) | arrangements.views.areas, .national | areas with where they stand | arrangements: test_areas_nationally, test_transition_csv |
| /published/ | arrangements.views.public.published_list | published arrangements | arrangements: test_published_list |
| /arrangements/national/funding/ | arrangements.views.funding.national_spread | areas' funding per child | arrangements: test_national_funding |
| /arrangements/<slug>/funding/ | arrangements.views.funding.contributions | contributions by year | arrangements: test_funding_of_an_area |
| /arrangements/<slug>/reports/ | arrangements.views.reports.report_list | yearly reports | arrangements: test_yearly_reports_of_an_area |
| /arrangements/<slug>/meetings/ | arrangements.views.meetings.meeting_list | meetings with attendance | arrangements: test_meetings_of_an_area |
| /arrangements/agency-burden/ | arrangements.views.meetings.agency_burden | the agency's meetings, by area | arrangements: test_agency_burden |
| /arrangements/<slug>/effectiveness/ | arrangements.views.effectiveness.overview | scrutiny, measures with values, engagement | arrangements: test_effectiveness_of_an_area |
| /arrangements/<slug>/, /published/<slug>/ | arrangements.views.areas.area_overview, .public.published_area | versions of the arrangements | arrangements: test_versions_of_an_area, test_published_versions_of_an_area |
| /arrangements/<slug>/versions/<n>/ | arrangements.views.drafting.version_detail | relevant agencies | arrangements: test_relevant_agencies_of_a_draft |
| /learning/ (+ ?q=, ?theme=&sort=) | learning.repository.views.search.public_search | repository entries | learning: test_public_pages_of_coded_reports |
| /learning/national/?q= | learning.repository.views.search.national_search | repository entries | learning: test_national_pages_of_coded_reports |
| /learning/reports/<reference>/ | learning.repository.views.entry.entry | an entry's findings, codes, recommendations | learning: test_findings_of_a_repository_entry |
| /learning/digest/, /learning/digest/<yyyy-mm>/ | learning.repository.views.digest | months; a month's entries | learning: test_digest_months, test_digest_of_a_month |
| /learning/coding/ | learning.repository.coding.views.queue | findings to code with suggestions | learning: test_coding_queue |
| /intelligence/ | learning.intelligence.views.dashboard | theme counts and their reports | learning: test_national_pages_of_coded_reports |
| /intelligence/alerts/, /intelligence/alerts/<pk>/ | learning.intelligence.views.alerts, .alert | recurrence alerts; an alert's reports | learning: test_recurrence_alerts, test_reports_of_an_alert |
| /intelligence/repeated-recommendations/ | learning.intelligence.views.repeated | groups of near-duplicate recommendations | learning: test_repeated_recommendations |
| /national-inquiries/ | learning.nsci.views.listing.inquiry_list | national inquiries with clocks; referrals awaiting a proposal | learning: test_national_inquiries |
| /national-inquiries/<pk>/ | learning.nsci.views.inquiry.inquiry_detail | team, progress notes, findings, recommendations | learning: test_team_notes_and_findings_of_a_national_inquiry |
| /reviewers/ | learning.reviewers.views.register.register | the reviewer register | learning: test_reviewer_register |
| /reviewers/<pk>/ | learning.reviewers.views.register.reviewer_page | accreditations, CPD, employment | learning: test_records_of_a_reviewer |
| /reviewers/<pk>/inquiries/ | learning.reviewers.views.quality.inquiries | the reviewer's completed inquiries | learning: test_completed_inquiries_of_a_reviewer |
| /national-reports/, /national-reports/published/ | learning.national_reports.views | annual reports | learning: test_annual_reports_to_manage, test_published_annual_reports |
| /national-reports/themes/, /national-reports/themes/<slug>/ | learning.national_reports.views.public | theme counts; a theme's extracts | learning: test_public_pages_of_coded_reports, test_theme_briefing |
| /mortality/, /mortality/<page>/, /mortality/hazards/, /mortality/tables/<table>.csv | mortality.views.dashboard | deaths in the national database, aggregated | national_data: test_mortality_dashboard |
| /mortality/releases/, /statistics/ | mortality.views.releases, .public | statistical releases | national_data: test_releases_to_publish, test_published_releases |
| /onboarding/areas/ | onboarding.views.areas.area_list | areas with authorities and panels | national_data: test_areas_to_onboard |
| /onboarding/areas/<slug>/ | onboarding.views.areas.area_detail | the area's history of changes | national_data: test_history_of_an_area |
| /onboarding/panels/ | onboarding.views.panels.panel_list | panels with their children | national_data: test_panels_to_onboard |
| /onboarding/organisations/ (+ search.json) | onboarding.views.organisations | organisations found | national_data: test_organisation_search |

Pages that show rows but have no test here, and why:

- /learning/coding/category-scheme/: the category scheme, reference data changed only by a migration, read in two
  queries (groups, themes prefetched).
- /national-reports/<year>/ (+ .pdf), /statistics/child-deaths/<year>/ (+ .pdf, .csv): stored documents, assembled by
  a job; the page reads one row.
- /arrangements/<slug>/compare/, /published/<slug>/compare/, /published/<slug>/versions/<n>/,
  /arrangements/<slug>/reports/<year>/, /arrangements/<slug>/funding/calculator/: one or two versions' fixed sections,
  one report, the three statutory partners.
- /arrangements/<slug>/effectiveness/measures/<pk>/: one measure's values, read in one query.
- /children/<pseudonym>/, /jobs/runs/<pk>/, /api/v1/incidents/<reference>, /api/v1/child-deaths/<reference>,
  /api/v1/areas/<slug>: one record (the child page shows a count of linked records, not the records).
"""
