"""Typed readers for settings that come from the environment.

Each helper fails loudly, naming the variable and the form it expects, so that a
mistyped deployment stops at start-up rather than running with a surprising value.
"""

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}
_MISSING = object()


def _raw(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        if default is _MISSING:
            raise ImproperlyConfigured(f"Environment variable {name} is required but not set.")
        return None
    return value


def env_str(name, default=_MISSING):
    value = _raw(name, default)
    return default if value is None else value


def env_bool(name, default=_MISSING):
    value = _raw(name, default)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"Environment variable {name} must be a boolean (one of true/false, yes/no, on/off, 1/0); got {value!r}."
    )


def env_int(name, default=_MISSING, *, minimum=None):
    value = _raw(name, default)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"Environment variable {name} must be a whole number; got {value!r}.") from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"Environment variable {name} must be at least {minimum}; got {number}.")
    return number


def env_list(name, default=_MISSING):
    """A comma-separated list; blank items are dropped."""
    value = _raw(name, default)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def env_networks(name, default=_MISSING):
    """A comma-separated list of IP addresses or networks (CIDR), e.g. `10.0.0.0/8,192.0.2.7`."""
    import ipaddress

    networks = []
    for item in env_list(name, default):
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise ImproperlyConfigured(
                f"Environment variable {name} must list IP addresses or networks like 10.0.0.0/8; got {item!r}."
            ) from None
    return networks


def env_secret(name, default=_MISSING, *, min_length=32):
    """A secret that must be long enough to be worth keeping secret."""
    value = env_str(name, default)
    if value is not None and len(value) < min_length:
        raise ImproperlyConfigured(f"Environment variable {name} must be at least {min_length} characters long.")
    return value


def env_database_url(name, default=_MISSING):
    """A database URL (postgres://user@host:port/name or sqlite:///path), parsed by dj-database-url."""
    import dj_database_url

    url = env_str(name, default)
    if not url.startswith(("postgres://", "postgresql://", "sqlite://")):
        raise ImproperlyConfigured(
            f"Environment variable {name} must be a postgres:// or sqlite:/// URL; got {url.split('://')[0]!r}."
        )
    try:
        config = dj_database_url.parse(url, conn_max_age=60 if url.startswith("postgres") else 0)
    except ValueError as error:
        raise ImproperlyConfigured(f"Environment variable {name} is not a valid database URL: {error}") from None
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config.setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
    else:
        # A kept connection is checked before each request or job uses it: one the server has closed (a restart,
        # a failover, pg_terminate_backend) is replaced at once, instead of failing the request that finds it.
        config["CONN_HEALTH_CHECKS"] = True
    return config


# The embedded SQLite default serves a handful of people at once. Write-ahead logging lets readers go on
# while one request writes; the busy timeout makes a writer wait for the lock instead of failing at once;
# IMMEDIATE transactions take the write lock when they begin, so a transaction that reads and then writes
# can never find its lock upgrade refused ("database is locked") after another writer slipped in between.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,  # seconds
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
}


def env_keyring(name, default=_MISSING, *, key_bytes=32):
    """Encryption keys as `id:base64key,id:base64key`; the first encrypts, all decrypt.

    Returns a list of (key id, key bytes). Each key must decode to exactly `key_bytes` bytes.
    """
    import base64
    import binascii

    value = env_str(name, default)
    keys = []
    for index, item in enumerate(part.strip() for part in value.split(",") if part.strip()):
        key_id, separator, encoded = item.partition(":")
        if not separator or not key_id.isalnum():
            raise ImproperlyConfigured(
                f"Environment variable {name} item {index + 1} must be KEYID:BASE64KEY with an alphanumeric KEYID."
            )
        try:
            raw = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
        except (binascii.Error, ValueError):
            raise ImproperlyConfigured(f"Environment variable {name} key {key_id!r} is not valid base64.") from None
        if len(raw) != key_bytes:
            raise ImproperlyConfigured(
                f"Environment variable {name} key {key_id!r} must decode to {key_bytes} bytes; got {len(raw)}."
            )
        keys.append((key_id, raw))
    if not keys:
        raise ImproperlyConfigured(f"Environment variable {name} must hold at least one KEYID:BASE64KEY.")
    if len({key_id for key_id, _ in keys}) != len(keys):
        raise ImproperlyConfigured(f"Environment variable {name} repeats a key id.")
    return keys


# The embedded default's cache: a table in the service's own database (`manage.py createcachetable` makes it;
# the test runner makes it in every test database). Unlike a per-process memory cache it is shared by the web
# server and the worker beside it, so job progress, lock-outs and rate limits mean the same in both.
DATABASE_CACHE_TABLE = "safeguarding_cache"


def env_cache(name, default="db://", *, key_prefix="slp"):
    """Django's default cache from a URL.

    `redis://[:password@]host:port/db` (or `rediss://` for TLS): Redis, shared by every server and worker
    (production). `db://`: a table in the database (the embedded default). `locmem://`: this process only
    (tests). The key prefix keeps two services, or two test runs, on one Redis apart.
    """
    url = env_str(name, default)
    scheme = url.split("://", 1)[0] if "://" in url else ""
    if scheme in {"redis", "rediss"}:
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": key_prefix,
            # A Redis that is down must not take sign-in or the API down with it for long: fail fast.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    if scheme == "db":
        return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": DATABASE_CACHE_TABLE}
    if scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "KEY_PREFIX": key_prefix}
    raise ImproperlyConfigured(
        f"Environment variable {name} must be a redis://, rediss://, db:// or locmem:// URL; got {scheme or url!r}."
    )


def default_data_folder(name):
    """A folder of the service's own in the person's data folder (XDG_DATA_HOME, or ~/.local/share), outside the
    checkout, so that cleaning or deleting a checkout loses nothing."""
    from pathlib import Path

    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return str(Path(data_home) / "safeguarding-learning" / name)


def default_media_root():
    """Uploaded files' folder when MEDIA_ROOT is unset: no evidence is lost with a checkout."""
    return default_data_folder("media")


def default_email_folder():
    """Where the embedded default writes the emails it would send (one file per email), rather than printing
    hundreds of demo emails among the server's output."""
    return default_data_folder("emails")


def env_service_url(name, default=_MISSING):
    """The service's own address (scheme, host, optional port and path), without a trailing slash."""
    from urllib.parse import urlsplit

    url = env_str(name, default)
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname or parts.query or parts.fragment:
        raise ImproperlyConfigured(
            f"Environment variable {name} must be an address like https://safeguarding.example.gov.uk; got {url!r}."
        )
    try:
        parts.port  # noqa: B018 - reading it checks the port is a number in range
    except ValueError:
        raise ImproperlyConfigured(f"Environment variable {name} has a port that is not a number: {url!r}.") from None
    return url.rstrip("/")


# Signed addresses of stored objects (if any code ever asks for one) last this long. Evidence is streamed
# through the views that check access, so no address is normally handed out at all.
S3_SIGNED_URL_SECONDS = 60


def env_file_storage(*, require=False):
    """The storage of uploaded files: S3-compatible object storage when FILES_S3_BUCKET is set, else local disk.

    The bucket's objects are private: no ACL is sent (the bucket's own, private, policy applies), each is
    encrypted at rest by the store (SSE), and addresses are signed and short-lived. Keys may be left unset
    where the machine has a role that grants them. `require`: refuse to fall back to local disk unless
    MEDIA_ROOT names a folder on purpose (production).
    """
    bucket = env_str("FILES_S3_BUCKET", None)
    if bucket is None:
        if require and not env_str("MEDIA_ROOT", None):
            raise ImproperlyConfigured(
                "Set FILES_S3_BUCKET (object storage, for several servers) or MEDIA_ROOT (a folder on a volume "
                "every server mounts) for uploaded files."
            )
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    endpoint = env_str("FILES_S3_ENDPOINT_URL", None)
    if endpoint is not None and not endpoint.startswith(("https://", "http://")):
        raise ImproperlyConfigured(
            f"Environment variable FILES_S3_ENDPOINT_URL must be an http(s):// URL; got {endpoint!r}."
        )
    options = {
        "bucket_name": bucket,
        "endpoint_url": endpoint,
        "region_name": env_str("FILES_S3_REGION", None),
        "access_key": env_str("FILES_S3_ACCESS_KEY_ID", None),
        "secret_key": env_str("FILES_S3_SECRET_ACCESS_KEY", None),
        "location": env_str("FILES_S3_PREFIX", ""),
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": S3_SIGNED_URL_SECONDS,
        "file_overwrite": False,
        "object_parameters": {"ServerSideEncryption": "AES256"},
        "signature_version": "s3v4",
        # Stores other than AWS (MinIO, Ceph, a local test server) expect the bucket in the path.
        "addressing_style": "path" if endpoint else None,
    }
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
