"""Local development on a newcomer's machine: SQLite by default, debug on, demo accounts allowed."""

from config.env import default_email_folder, env_bool, env_str

from .base import *  # noqa: F403

DEBUG = env_bool("DEBUG", True)
# A development-only key: production.py requires SECRET_KEY from the environment instead.
SECRET_KEY = env_str("SECRET_KEY", "django-insecure-local-development-key-not-for-production-use")
DEMO_ACCOUNTS_ENABLED = env_bool("DEMO_ACCOUNTS_ENABLED", True)
# The audit write-path benchmark only (benchmarks/audit_write_path.py): write events without the chain, to
# measure what chaining costs in the same run. Never read by production settings.
AUDIT_UNCHAINED_FOR_BENCHMARK = env_bool("AUDIT_UNCHAINED_FOR_BENCHMARK", False)
# Emails go to files, one per email, in the person's data folder (`make run`'s demo sends hundreds; printed to
# the console they would bury the server's output). EMAIL_BACKEND=django.core.mail.backends.console.EmailBackend
# prints them instead.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", default_email_folder())
