"""python manage.py sync_child_deaths: bring pillar 3's deaths and reviews into the national table."""

from django.core.management.base import BaseCommand

from safeguarding.core import audit

from ...actions.ingest import sync_from_child_deaths


class Command(BaseCommand):
    help = "Create or refresh a national analysis record for every notified child death (idempotent)."

    def handle(self, *args, **options):
        created, updated, unchanged = sync_from_child_deaths(audit.Actor.system("sync_child_deaths"))
        self.stdout.write(f"National records: {created} created, {updated} updated, {unchanged} unchanged")
