"""Trains the child death notification linkage model with Splink (u by random sampling, m by EM, the
prior from the EM sessions) and stores it as the next version, audited.

    manage.py train_linkage_model                 # on the national table of notifications
    manage.py train_linkage_model --synthetic 40000 --write-default
                                                  # regenerates the shipped default model file

The national table needs at least --minimum notifications (default 5,000); until then the shipped
default, trained the same way on synthetic notifications, stays in force.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from ...actions.linkage_models import (
    DEFAULT_MODEL_PATH,
    MINIMUM_TRAINING_NOTIFICATIONS,
    retrain_linkage_model,
)


class Command(BaseCommand):
    help = "Trains the notification linkage model with Splink and stores it as a new version."

    def add_arguments(self, parser):
        parser.add_argument("--minimum", type=int, default=MINIMUM_TRAINING_NOTIFICATIONS)
        parser.add_argument("--u-pairs", type=float, default=1e7, help="Random pairs sampled for u (default 1e7)")
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--synthetic",
            type=int,
            metavar="N",
            help="Train on N synthetic notifications instead of the national table",
        )
        parser.add_argument(
            "--write-default",
            action="store_true",
            help=f"With --synthetic: write the model to {DEFAULT_MODEL_PATH.name}, the default shipped with the code",
        )

    def handle(self, *args, minimum, u_pairs, seed, synthetic, write_default, **options):
        started = time.perf_counter()
        if write_default and not synthetic:
            raise CommandError("--write-default needs --synthetic N: the shipped default holds no real notification")
        if synthetic:
            self._write_default(synthetic, u_pairs, seed, write_default)
        else:
            try:
                row = retrain_linkage_model(minimum=minimum, max_u_pairs=u_pairs, seed=seed)
            except ValueError as error:
                raise CommandError(str(error)) from error
            self._print(row.summary, f"Stored as linkage model version {row.version}")
        self.stdout.write(f"Took {time.perf_counter() - started:.0f} s.")

    def _write_default(self, count, u_pairs, seed, write_default):
        from ...linkage import synthetic, training

        records, _truth = synthetic.prepared(synthetic.national_notifications(count, seed=seed))
        model = training.train(
            records,
            seed=seed,
            max_u_pairs=u_pairs,
            description=f"{len(records)} synthetic notifications (linkage.synthetic, seed {seed})",
        )
        if not write_default:
            self._print(model.summary, "Trained on synthetic notifications; nothing stored (add --write-default).")
            return
        DEFAULT_MODEL_PATH.write_text(model.dumps() + "\n", encoding="utf-8")
        self._print(
            model.summary,
            f"Wrote {DEFAULT_MODEL_PATH}: each database takes it as its next version on first use, "
            "unless a model trained on its own notifications is in force",
        )

    def _print(self, summary, closing):
        self.stdout.write(f"Trained on {summary['records']} notifications; prior {summary['prior']:.3g}")
        for session in summary["em_sessions"]:
            state = "skipped (too few pairs)" if session.get("skipped") else f"{session['iterations']} iterations"
            self.stdout.write(f"  EM blocked on {session['rule']}: {session['pairs']} pairs, {state}")
        if summary.get("untrained_levels"):
            self.stdout.write("  Levels no training pair reached: " + ", ".join(summary["untrained_levels"]))
        self.stdout.write(closing)
