"""Production settings load only with their documented variables, and pass Django's deploy checks."""

import os
import subprocess
import sys

from django.conf import settings

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "x" * 20 + "-production-like-secret-for-the-deploy-check-only",
    "ALLOWED_HOSTS": "safeguarding.example",
    "DATABASE_URL": "postgres://app@db.example:5432/safeguarding",
    "IDENTITY_ENCRYPTION_KEYS": "k2026:cHJvZHVjdGlvbi1saWtlLWtleS1mb3ItdGhlLWNoayE",
    "LINKAGE_HMAC_KEY": "production-like-linkage-key-for-the-deploy-check",
    "FILES_S3_BUCKET": "safeguarding-evidence",
    "CACHE_URL": "redis://cache.example:6379/0",
}


def _manage(*args, env_changes):
    env = {key: value for key, value in os.environ.items() if key not in PRODUCTION_ENV}
    env.update(env_changes)
    return subprocess.run(  # noqa: S603 (fixed arguments, our own manage.py)
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_check_deploy_passes_with_documented_variables():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env_changes=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr


def test_missing_secret_key_stops_start_up_naming_it():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "SECRET_KEY"}
    result = _manage("check", env_changes=env)
    assert result.returncode != 0
    assert "SECRET_KEY is required" in result.stderr


def test_malformed_database_url_stops_start_up_naming_it():
    result = _manage("check", env_changes={**PRODUCTION_ENV, "DATABASE_URL": "mysql://x@y/z"})
    assert result.returncode != 0
    assert "DATABASE_URL must be a postgres:// or sqlite:/// URL" in result.stderr


def test_malformed_integer_setting_stops_start_up_naming_it():
    result = _manage("check", env_changes={**PRODUCTION_ENV, "SESSION_INACTIVITY_MINUTES": "half an hour"})
    assert result.returncode != 0
    assert "SESSION_INACTIVITY_MINUTES must be a whole number" in result.stderr


def test_missing_identity_keys_stop_start_up_naming_them():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "IDENTITY_ENCRYPTION_KEYS"}
    result = _manage("check", env_changes=env)
    assert result.returncode != 0
    assert "IDENTITY_ENCRYPTION_KEYS is required" in result.stderr


def test_malformed_identity_key_stops_start_up_naming_it():
    result = _manage("check", env_changes={**PRODUCTION_ENV, "IDENTITY_ENCRYPTION_KEYS": "k1:dG9vLXNob3J0"})
    assert result.returncode != 0
    assert "IDENTITY_ENCRYPTION_KEYS key 'k1' must decode to 32 bytes" in result.stderr


def test_uploaded_files_need_object_storage_or_a_named_folder():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "FILES_S3_BUCKET"}
    result = _manage("check", env_changes={**env, "MEDIA_ROOT": ""})
    assert result.returncode != 0
    assert "Set FILES_S3_BUCKET" in result.stderr and "or MEDIA_ROOT" in result.stderr
    assert _manage("check", env_changes={**env, "MEDIA_ROOT": "/srv/evidence"}).returncode == 0


def test_a_malformed_object_storage_endpoint_stops_start_up_naming_it():
    result = _manage("check", env_changes={**PRODUCTION_ENV, "FILES_S3_ENDPOINT_URL": "minio.internal:9000"})
    assert result.returncode != 0
    assert "FILES_S3_ENDPOINT_URL must be an http(s):// URL" in result.stderr
