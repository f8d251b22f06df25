"""Seeds the national repository with the synthetic corpus (synthetic.py), coded as the demo analyst coded it.

Every report goes in through `actions.receive`, as an import of earlier published reviews. Seeding twice
creates nothing new: reports are found again by their source key. Of the findings:
- most carry the codes the generator meant, written in bulk as an import of already-coded material;
- the most recent PLATFORM_CODED before the uncoded ones are coded through `code_finding` by the demo
  national analyst, with the suggestions a classifier trained on the earlier codes gives, so the
  coding queue's suggestion accuracy has real platform coding to measure;
- the latest UNCODED are left for the coding queue.
"""

import datetime
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from safeguarding.demo import world
from safeguarding.organisations.models import Region, Role, SafeguardingArea

from .actions import receive
from .coding.actions import code_finding
from .coding.suggest import ThemeClassifier, train_and_store
from .models import FindingTheme, RepositoryEntry, RepositoryFinding, Theme
from .search import facet_index
from .synthetic import SOURCE_KEY_PREFIX, generate_corpus

UNCODED = 60
PLATFORM_CODED = 40
# Rows per UPDATE or INSERT when codes are imported in bulk. One bulk_update over every finding was one
# statement with a CASE branch per row: at 40,000 findings PostgreSQL's JIT compiled it for half an hour.
IMPORT_BATCH = 500
# Reports reach the repository a few weeks after publication; coders code them a few weeks later.
DAYS_TO_REPOSITORY, DAYS_TO_CODING = 21, 35


def demo_analyst():
    analyst = next(person for person in world.NATIONAL_PEOPLE if person.role == Role.NATIONAL_ANALYST)
    return get_user_model().objects.filter(email=world.demo_email(analyst)).first()


def _coding_moment(entry):
    moment = datetime.datetime.combine(
        entry.published_on + datetime.timedelta(days=DAYS_TO_CODING), datetime.time(10), datetime.UTC
    )
    return min(moment, timezone.now())


def receive_corpus(corpus, report):
    """Takes in the corpus's reports not yet in the repository. Returns [(entry, intended codes per finding)]."""
    known = set(
        RepositoryEntry.objects.filter(source_key__startswith=SOURCE_KEY_PREFIX).values_list("source_key", flat=True)
    )
    regions = {region.code: region for region in Region.objects.all()}
    areas = {area.name: area for area in SafeguardingArea.objects.all()}
    added = []
    for synthetic in corpus:
        incoming = synthetic.incoming
        if incoming.source_key in known:
            report.count("repository entries", False)
            continue
        incoming.region, incoming.area = regions.get(synthetic.region_code), areas.get(incoming.area_name)
        entry, created = receive(incoming, today=incoming.published_on + datetime.timedelta(days=DAYS_TO_REPOSITORY))
        report.count("repository entries", created)
        added.append((entry, synthetic.intended_codes))
    return added


def import_codes(pairs, coder, themes, *, batch_size=IMPORT_BATCH):
    """Codes given in bulk, as an import of already-coded material (no suggestion was shown), `batch_size`
    rows a statement. The findings coded at the same moment (those of reports published the same day) are
    marked by one plain UPDATE: Django's bulk_update writes a CASE branch per row for each field, and building
    those took most of the import's time at 6,000 findings."""
    by_moment, codes = defaultdict(list), []
    for finding, slugs in pairs:
        finding.coded_at, finding.coded_by = _coding_moment(finding.entry), coder
        by_moment[finding.coded_at].append(finding.pk)
        codes += [FindingTheme(finding=finding, theme=themes[slug], coded_by=coder) for slug in slugs]
    for moment, ids in by_moment.items():
        for start in range(0, len(ids), batch_size):
            RepositoryFinding.objects.filter(pk__in=ids[start : start + batch_size]).update(
                coded_at=moment, coded_by=coder
            )
    FindingTheme.objects.bulk_create(codes, batch_size=batch_size)
    facet_index.refresh({finding.entry_id for finding, _slugs in pairs})


def _code_through_platform(pairs, analyst, earlier, report):
    """The analyst codes these through the coding action, shown what a classifier trained on `earlier` says."""
    classifier = ThemeClassifier.train([(finding.text, slugs) for finding, slugs in earlier])
    for finding, slugs in pairs:
        suggestions = {s.slug: round(s.confidence, 4) for s in classifier.suggest(finding.text)} if classifier else {}
        code_finding(
            analyst, finding, slugs, finding.version, suggestions=suggestions, now=_coding_moment(finding.entry)
        )
        report.count("findings coded through the platform", True)


def findings_with_intended_codes(added):
    """[(finding, the codes the generator meant for it)], oldest report first (one query, not one a report)."""
    entries = {entry.pk: entry for entry, _intended in added}
    by_entry = defaultdict(list)
    for finding in RepositoryFinding.objects.filter(entry__in=entries, edition=F("entry__edition")).order_by(
        "entry", "position"
    ):
        finding.entry = entries[finding.entry_id]
        by_entry[finding.entry_id].append(finding)
    pairs = []
    for entry, intended in added:
        pairs += list(zip(by_entry[entry.pk], intended, strict=True))
    return pairs


@transaction.atomic
def seed_demo_repository(report):
    # The facet index is written once for the whole corpus, at the end, rather than once a report.
    with facet_index.deferred():
        return _seed(report)


def _seed(report):
    added = receive_corpus(generate_corpus(reports=settings.DEMO_REPOSITORY_REPORTS), report)
    if not added:
        return report
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    pairs = findings_with_intended_codes(added)
    to_code = pairs[: max(0, len(pairs) - UNCODED)]
    analyst = demo_analyst()
    split = len(to_code) - PLATFORM_CODED if analyst else len(to_code)
    import_codes(to_code[:split], analyst, themes)
    for _ in range(split):
        report.count("findings coded on import", True)
    if analyst and split > 0:
        _code_through_platform(to_code[split:], analyst, to_code[:split], report)
    for _ in range(len(pairs) - len(to_code)):
        report.count("findings left for the coding queue", True)
    # The coding queue's suggestions come from a stored classifier: train it now rather than wait for the worker.
    if train_and_store() is not None:
        report.count("coding classifiers trained", True)
    return report
