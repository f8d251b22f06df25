from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.template import TemplateSyntaxError, engines


class Command(BaseCommand):
    help = "Compiles every project template, so a syntax error fails lint instead of a page."

    def handle(self, *args, **options):
        engine = engines["django"]
        roots = [Path(directory) for directory in settings.TEMPLATES[0]["DIRS"]]
        roots += sorted(Path(settings.BASE_DIR, "safeguarding").glob("*/templates"))
        problems, checked = [], 0
        for root in roots:
            for path in sorted(root.rglob("*.html")):
                checked += 1
                try:
                    engine.from_string(path.read_text(encoding="utf-8"))
                except TemplateSyntaxError as error:
                    problems.append(f"{path.relative_to(settings.BASE_DIR)}: {error}")
        if problems:
            raise CommandError("Template errors:\n" + "\n".join(problems))
        self.stdout.write(f"OK {checked} templates")
