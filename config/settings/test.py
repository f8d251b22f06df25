"""Settings for the test suite: fast hashing, in-memory mail, SQLite unless DATABASE_URL says otherwise."""

import tempfile
from pathlib import Path

from config.env import env_cache, env_str

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key-with-enough-length-to-pass-checks"  # noqa: S105 (test settings only)
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DEMO_ACCOUNTS_ENABLED = True
DEMO_REPOSITORY_REPORTS = 150
DEMO_MORTALITY_YEARS = 2
DEMO_MORTALITY_SCALE = 0.1
ALLOWED_HOSTS = ["*"]

# Each test process keeps its own memory cache unless CACHE_URL names another (the shared-cache tests use Redis
# and the database cache explicitly): the list pages' query budgets count SQL, and a database cache would add
# its own reads and writes to them.
CACHES = {"default": env_cache("CACHE_URL", "locmem://", key_prefix="slp-test")}
# django-axes warns that a memory cache is not shared between processes; in one test process it need not be.
SILENCED_SYSTEM_CHECKS = ["axes.W001"]
# Files the tests upload go to the machine's temporary folder unless a test names its own.
MEDIA_ROOT = env_str("MEDIA_ROOT", str(Path(tempfile.gettempdir()) / "safeguarding-test-media"))
# Tests read an event's place in the chain as soon as audit.record returns, inside a transaction that is rolled
# back rather than committed (so nothing sealed after commit would ever run): the chain is sealed inline here.
# The deferred sealing of production is tested on its own (safeguarding/core/tests/test_audit_sealing.py).
AUDIT_CHAIN_SEALING = env_str("AUDIT_CHAIN_SEALING", "inline")  # the several-servers test runs it deferred

# Nothing a test writes needs to survive a power cut: on PostgreSQL, commits do not wait for the write-ahead log
# to reach the disk (the transactional tests and the live server commit thousands of times a run).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"

# Each test's client builds the middleware chain afresh, and WhiteNoise would list and stat every static file
# (about a thousand, GOV.UK Frontend's included) each time: 80-120 ms per test, minutes over the suite. Looking
# a file up when it is asked for gives the same responses for the few tests that ask for one.
WHITENOISE_AUTOREFRESH = True
