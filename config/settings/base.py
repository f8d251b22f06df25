"""Settings shared by every environment. Environment-specific files import from here."""

from datetime import timedelta
from pathlib import Path

from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from config.env import (
    default_media_root,
    env_cache,
    env_database_url,
    env_file_storage,
    env_int,
    env_keyring,
    env_list,
    env_networks,
    env_secret,
    env_service_url,
    env_str,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent
NODE_MODULES = BASE_DIR / "node_modules"
GOVUK_FRONTEND = NODE_MODULES / "govuk-frontend" / "dist" / "govuk"

SERVICE_NAME = "Safeguarding Learning Platform"

DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "rules",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "rest_framework",
    "drf_spectacular",
    "django_tasks",
    "django_tasks_db",
    "safeguarding.core",
    "safeguarding.core.identity",
    "safeguarding.core.clocks",
    "safeguarding.organisations",
    "safeguarding.demo",
    "safeguarding.api",
    "safeguarding.mortality",
    "safeguarding.arrangements",
    "safeguarding.child_deaths",
    "safeguarding.incidents",
    "safeguarding.learning.repository",
    "safeguarding.learning.reviewers",
    "safeguarding.learning.intelligence",
    "safeguarding.learning.nsci",
    "safeguarding.learning.national_reports",
    "safeguarding.jobs",
    "safeguarding.notifications",
    "safeguarding.returns",
    "safeguarding.onboarding",
]

MIDDLEWARE = [
    "safeguarding.core.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "safeguarding.core.middleware_favicon.FaviconMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "safeguarding.core.middleware_auth.SessionInactivityMiddleware",
    "safeguarding.core.middleware_auth.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "safeguarding.core.middleware.RequestLogMiddleware",
    # Last, as django-axes asks, so it sees every failed sign-in.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "safeguarding.core.context_processors.service",
                "safeguarding.core.navigation.navigation",
            ],
            # Every count and population on a page reads with thousands separators ({{ n|intcomma }}).
            "builtins": ["django.contrib.humanize.templatetags.humanize"],
        },
    }
]
# Form fields render through our GOV.UK Design System templates (templates/govuk/forms/).
FORM_RENDERER = "safeguarding.core.forms.GovukFormRenderer"

DATABASES = {"default": env_database_url("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache shared by every web server and worker: sign-in lock-outs (django-axes), the API's rate limits, long
# jobs' progress and computed results (repository searches, the repetition index) are counted or kept once for
# the whole service. CACHE_URL (or REDIS_URL) names Redis in production; the embedded default is a table in the
# database, so `make run`'s server and worker share it with nothing else to run (see config/env.py).
CACHE_KEY_PREFIX = env_str("CACHE_KEY_PREFIX", "slp")
CACHES = {"default": env_cache("CACHE_URL", env_str("REDIS_URL", "db://"), key_prefix=CACHE_KEY_PREFIX)}

AUTH_USER_MODEL = "organisations.User"
LOGIN_URL = "core:sign-in"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:signed-out"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # First, so a locked-out person is refused before their password is even checked.
    "axes.backends.AxesStandaloneBackend",
    "safeguarding.organisations.backends.EmailBackend",
    "rules.permissions.ObjectPermissionBackend",
]

# The audit chain (safeguarding/core/audit.py): "deferred" appends events without a lock and seals them into the
# chain right after each commit (and in every worker's housekeeping), so writers never queue behind one lock;
# "inline" chains each event inside its writer's transaction, which holds the chain's lock until it commits.
AUDIT_CHAIN_SEALING = env_str("AUDIT_CHAIN_SEALING", "deferred")
if AUDIT_CHAIN_SEALING not in {"deferred", "inline"}:
    raise ImproperlyConfigured(f"AUDIT_CHAIN_SEALING must be deferred or inline; got {AUDIT_CHAIN_SEALING!r}.")

# Demo accounts (created by seed_demo) can sign in only where this is true: never in production.
DEMO_ACCOUNTS_ENABLED = False
# How many synthetic published reports seed_demo puts in the national repository: about 190 a year over eight
# years, near national volume, so that the public search's facets and the digest's months show counts rather
# than "fewer than 5" and the recurrence alerts find the rising themes among steady ones (300 left most counts
# hidden). The test settings use fewer, to keep the demo tests quick.
DEMO_REPOSITORY_REPORTS = env_int("DEMO_REPOSITORY_REPORTS", 1500, minimum=1)
# The demo's synthetic national mortality table: years (twelve-month periods ending last month) at national
# volume (about 3,500 deaths a year, some 30 per 100,000 children), so that the dashboards show England's
# picture and the trend pages have several complete years. The test settings use less, to stay quick.
DEMO_MORTALITY_YEARS = env_int("DEMO_MORTALITY_YEARS", 6, minimum=1)
DEMO_MORTALITY_SCALE = 1.0

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"

# The GOV.UK Frontend stylesheet refers to its fonts and images as /assets/fonts/... and
# /assets/images/..., so static files are served under /assets/ and the package's own assets
# folder is mounted at the root of it. ManifestStaticFilesStorage then rewrites those URLs to
# hashed names in production, because they start with STATIC_URL.
STATIC_URL = "/assets/"
# Outside production WhiteNoise serves straight from the finders; production collects to STATIC_ROOT.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
STATICFILES_DIRS = [
    BASE_DIR / "static",
    GOVUK_FRONTEND / "assets",
    ("govuk", GOVUK_FRONTEND),
    # Type-ahead for long selects (static/js/autocomplete.mjs).
    ("accessible-autocomplete", NODE_MODULES / "accessible-autocomplete" / "dist"),
]
# Uploaded files (evidence of impact): in private object storage when FILES_S3_BUCKET is set (every server
# reads what any of them stored), else on local disk under MEDIA_ROOT, by default in the person's data folder
# outside the checkout. Never served by URL (no MEDIA_URL route): they leave only through the views that check
# who may read them, streamed, and audited.
STORAGES = {
    "default": env_file_storage(),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = env_str("MEDIA_ROOT", default_media_root())
# Uploads above 2.5 MB are streamed to a temporary file rather than held in memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "safeguarding.core.views.errors.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Scripts run only from our own origin or with the per-request nonce: no unsafe-inline, no unsafe-eval.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

LOG_FORMAT = env_str("LOG_FORMAT", "text")
LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "safeguarding.core.logging.RequestIdFilter"}},
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT if LOG_FORMAT in {"text", "json"} else "text",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # One line per request comes from our RequestLogMiddleware; Django's own would duplicate it.
        "django.server": {"level": "WARNING"},
        "django.request": {"level": "ERROR"},
        # "Watching for file changes" on every start of runserver's reloader says nothing a newcomer needs.
        "django.utils.autoreload": {"level": "WARNING"},
        # WeasyPrint reports each step of every PDF it lays out (INFO) and each SVG property of the charts' shared
        # stylesheet it does not need (WARNING); only its errors are worth a line.
        "weasyprint": {"level": "ERROR"},
        "weasyprint.progress": {"level": "ERROR"},
        "fontTools": {"level": "WARNING"},
    },
}

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "no-reply@safeguarding-learning.localhost")
# GOV.UK Notify, when EMAIL_BACKEND is safeguarding.notifications.govuk_notify.NotifyEmailBackend: the API key
# and the id of a template whose subject is ((subject)) and body ((body)).
GOVUK_NOTIFY_API_KEY = env_str("GOVUK_NOTIFY_API_KEY", "")
GOVUK_NOTIFY_TEMPLATE_ID = env_str("GOVUK_NOTIFY_TEMPLATE_ID", "")
# The service's own address, put before the links in emails (they are read outside the service).
SERVICE_URL = env_service_url("SERVICE_URL", "http://127.0.0.1:8000")

# Background jobs: Django's Tasks API with django-tasks-db's queue in this database (see docs/adr/).
# `manage.py run_worker` runs them; several workers may share the queue.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# A worker writes a heartbeat this often; one silent for WORKER_HEARTBEAT_STALE_SECONDS is taken for dead:
# /readyz reports it, and the tasks it was running go back in the queue.
WORKER_HEARTBEAT_SECONDS = 10
WORKER_HEARTBEAT_STALE_SECONDS = env_int("WORKER_HEARTBEAT_STALE_SECONDS", 120, minimum=30)

# The directory holding the reference data files that load_reference_data reads.
REFERENCE_DATA_DIR = BASE_DIR / "safeguarding" / "organisations" / "reference_data"

# Sessions end after this many minutes without a request; the cookie also ends with the browser.
SESSION_INACTIVITY_MINUTES = env_int("SESSION_INACTIVITY_MINUTES", 30, minimum=1)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = 12 * 60 * 60

# Two-factor authentication (TOTP). The issuer is what authenticator apps show next to the code.
OTP_TOTP_ISSUER = "Safeguarding Learning Platform"
OTP_TOTP_THROTTLE_FACTOR = 1

# Throttling failed sign-ins (django-axes): after AXES_FAILURE_LIMIT failures for one email address
# from one IP address, that pair is locked out for AXES_COOLOFF_MINUTES.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"  # the sign-in form's field (axes would guess USERNAME_FIELD, "email")
AXES_USERNAME_CALLABLE = "safeguarding.core.throttling.username_for_lockout"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "core/locked_out.html"
AXES_VERBOSE = False
# Failures are counted in the shared cache (Redis in production), so every server sees the same count and a
# lock-out made through one server holds on the others. A cache that loses its data ends lock-outs early (15
# minutes at most would remain): an acceptable trade for not writing a database row on every failed attempt.
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_CACHE = "default"
# Behind a reverse proxy (or load balancer) every request comes from the proxy's address, so five wrong
# passwords from anyone would lock a person out for everyone. TRUSTED_PROXIES lists the proxies' addresses
# or networks; a request from one of them is attributed to the address its X-Forwarded-For says the proxy
# saw (the right-most address there that is not itself a trusted proxy). Empty: REMOTE_ADDR, and
# X-Forwarded-For is ignored, so a client cannot choose the address it is throttled under.
TRUSTED_PROXIES = env_networks("TRUSTED_PROXIES", [])
AXES_CLIENT_IP_CALLABLE = "safeguarding.core.throttling.client_ip_address"

# Identity of children: AES-256-GCM keys (first encrypts, all decrypt; see rotate_identity_keys) and
# the HMAC key that turns a normalised NHS number into a linkage key. The defaults here are for
# local development and tests only; production.py requires both from the environment.
_DEVELOPMENT_IDENTITY_KEYS = "dev1:ZGV2ZWxvcG1lbnQtb25seS1pZGVudGl0eS1rZXktMDE"
IDENTITY_ENCRYPTION_KEYS = env_keyring("IDENTITY_ENCRYPTION_KEYS", _DEVELOPMENT_IDENTITY_KEYS)
LINKAGE_HMAC_KEY = env_secret("LINKAGE_HMAC_KEY", "development-only-linkage-key-not-for-production-use").encode()

# The REST API authenticates organisations' case-management systems with API tokens only.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["safeguarding.api.authentication.ApiTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # JSON only: the browsable HTML API would be a second, unaudited user interface.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # JSON only in, too (anything else is 415), with NUL characters refused wherever they are.
    "DEFAULT_PARSER_CLASSES": ["safeguarding.api.parsers.StrictJSONParser"],
    # Every error as RFC 9457 problem details (safeguarding/api/problems.py).
    "EXCEPTION_HANDLER": "safeguarding.api.problems.exception_handler",
    "DEFAULT_PAGINATION_CLASS": "safeguarding.api.pagination.ApiPagination",
    "PAGE_SIZE": 50,
    "UNAUTHENTICATED_USER": None,
    # Rate limits per API token (safeguarding/api/throttling.py), counted in Django's cache.
    "DEFAULT_THROTTLE_CLASSES": ["safeguarding.api.throttling.TokenRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"api_token": env_str("API_RATE_LIMIT", "600/minute")},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Safeguarding Learning Platform API",
    "DESCRIPTION": "For organisations' case-management systems. Authenticate with an API token issued "
    "by your administrator: `Authorization: Bearer <token>`.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Each `status` enum under its own name (a serious incident's and a child death's states differ).
    "ENUM_NAME_OVERRIDES": {
        "IncidentStatusEnum": "safeguarding.incidents.states.IncidentStatus",
        "ChildDeathStatusEnum": "safeguarding.child_deaths.models.cases.CaseStatus",
    },
    # Request and response shapes apart, so read-only fields are never asked for.
    "COMPONENT_SPLIT_REQUEST": True,
}
