"""Settings for the test suite: fast hashing, in-memory mail, SQLite unless DATABASE_URL says otherwise."""

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
