"""Production: every secret from the environment, HTTPS only, hashed static files, JSON logs."""

from config.env import (
    env_bool,
    env_database_url,
    env_file_storage,
    env_int,
    env_keyring,
    env_list,
    env_secret,
    env_str,
)

from .base import *  # noqa: F403
from .base import LOGGING

DEBUG = False
SECRET_KEY = env_secret("SECRET_KEY", min_length=50)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# Production has no embedded default: DATABASE_URL must name the PostgreSQL database.
DATABASES = {"default": env_database_url("DATABASE_URL")}

DEMO_ACCOUNTS_ENABLED = False

# No development defaults for the keys that protect children's identities.
IDENTITY_ENCRYPTION_KEYS = env_keyring("IDENTITY_ENCRYPTION_KEYS")
LINKAGE_HMAC_KEY = env_secret("LINKAGE_HMAC_KEY", min_length=32).encode()

STATIC_ROOT = env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles"))
WHITENOISE_USE_FINDERS = False
STORAGES = {
    # Object storage, or a folder named on purpose: never a default folder on one machine's disk.
    "default": env_file_storage(require=True),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

LOGGING["handlers"]["console"]["formatter"] = "json"
