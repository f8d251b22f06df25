"""Local development on a newcomer's machine: SQLite by default, debug on, demo accounts allowed."""

from config.env import env_bool, env_str

from .base import *  # noqa: F403

DEBUG = env_bool("DEBUG", True)
# A development-only key: production.py requires SECRET_KEY from the environment instead.
SECRET_KEY = env_str("SECRET_KEY", "django-insecure-local-development-key-not-for-production-use")
DEMO_ACCOUNTS_ENABLED = env_bool("DEMO_ACCOUNTS_ENABLED", True)
# The audit write-path benchmark only (benchmarks/audit_write_path.py): write events without the chain, to
# measure what chaining costs in the same run. Never read by production settings.
AUDIT_UNCHAINED_FOR_BENCHMARK = env_bool("AUDIT_UNCHAINED_FOR_BENCHMARK", False)
