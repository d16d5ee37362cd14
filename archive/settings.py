"""Settings for the Thuringia press archive, driven by the environment.

DATABASE_URL  a PostgreSQL URL; unset: an embedded PostgreSQL under var/pgdata
SECRET_KEY    required unless DEBUG=1 (then a random key is kept in var/secret_key)
DEBUG         "1" for development (make run sets it); off by default
ALLOWED_HOSTS comma-separated host names
HTTPS         "0" when the site is served without TLS in production (cookies and redirects)
DATABASE_POOL "1" for psycopg's pool (threaded servers); off: one checked connection per worker
TRUST_X_FORWARDED_PROTO  "1" only when every request comes through a proxy that sets it
HSTS_PRELOAD  "1" to ask browsers' HSTS preload lists to include the domain (off by default)
TRUSTED_PROXIES  addresses/networks of the reverse proxies whose X-Forwarded-For is believed
REDIS_URL     optional: sessions are cached in Redis (they stay in PostgreSQL too)
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from archive.db_connections import database_connection_settings
from archive.embedded_db import var_dir

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = var_dir()
EMBEDDED_DB_DIR = VAR_DIR / "pgdata"


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _local_secret_key() -> str:
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. In production set the environment variable SECRET_KEY to "
            "a long random value (python -c 'import secrets; print(secrets.token_urlsafe(50))') "
            "and keep it; for development set DEBUG=1 (make run does)."
        )
    SECRET_KEY = _local_secret_key()
ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1").split(",")
    if host.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "taggit",
    "reversion",
    "csp",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "articles",
    "api",
]

MIDDLEWARE = [
    # First: /healthz answers before host checks, HTTPS redirects, sessions or caches.
    "archive.health.HealthCheckMiddleware",
    "archive.health.DatabaseUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "archive.headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything that may answer: CORS headers for /api/ only (CORS_URLS_REGEX).
    "corsheaders.middleware.CorsMiddleware",
    # Whole public pages for readers without a session, per archive generation (README "Load").
    "articles.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "articles.throttle.LoginThrottleMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "archive.urls"
WSGI_APPLICATION = "archive.wsgi.application"

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
            ],
        },
    },
]

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}
else:
    from archive.embedded_db import embedded_database_settings

    DATABASES = {"default": embedded_database_settings(EMBEDDED_DB_DIR)}
_connections = database_connection_settings(env_bool("DATABASE_POOL", False))
DATABASES["default"]["OPTIONS"] = {
    **_connections.pop("OPTIONS"),
    **DATABASES["default"].get("OPTIONS", {}),
}
DATABASES["default"].update(_connections)
DATABASES["default"]["TEST"] = {"NAME": f"test_{DATABASES['default']['NAME']}"}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
DATABASE_ROUTERS = ["articles.derived.routers.DerivedTablesRouter"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch")]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG
# Tests render templates without running collectstatic first.
WHITENOISE_MANIFEST_STRICT = False

FIXTURE_DIRS = [BASE_DIR / "fixtures"]
DOCUMENTS_DIR = BASE_DIR / "fixtures" / "documents"
SEED_FIXTURE = BASE_DIR / "fixtures" / "seed_archive.json"
IMPORT_FIXTURES_DIR = Path(
    os.environ.get("IMPORT_FIXTURES_DIR", BASE_DIR / "fixtures" / "imported")
)

TAGGIT_CASE_INSENSITIVE = True

LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"

# Log-in throttle (articles/throttle.py): counted in PostgreSQL before any password check.
AUTHENTICATION_BACKENDS = ["articles.throttle.ThrottledModelBackend"]
LOGIN_FAILURES_PER_USER = 5
LOGIN_FAILURES_PER_ADDRESS = 20
LOGIN_LOCK_SECONDS = 15 * 60
# Reverse proxies in front of the app (e.g. "127.0.0.1" for nginx on the same machine, "unix"
# for a proxy on a Unix socket): only their X-Forwarded-For names the client's address.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")

# "Neue Meldung aus Text" sends each document's text back with the editor's corrections:
# a round of at most 10 MB of text (articles/editorial/upload.py) returns as raw text and
# body, multipart-encoded (as typed, not URL-encoded), about 21 MB. Larger: a German 400
# page (templates/400.html) that sends the editor back to the form, text intact.
DATA_UPLOAD_MAX_MEMORY_SIZE = 24 * 1024 * 1024

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Whole pages for anonymous readers (articles/page_cache.py), in each process's memory;
    # PAGE_CACHE_ENTRIES=0 switches it off.
    "pages": (
        {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("PAGE_CACHE_ENTRIES", "2000"))},
        }
        if os.environ.get("PAGE_CACHE_ENTRIES", "2000") != "0"
        else {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    ),
    # The API's rate-limit counts, shared by all server processes (manage.py createcachetable).
    "api": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "archive_api_cache",
    },
}

# The read API under /api/v1/ (the `api` app; see README "API").
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "api.negotiation.JsonOnly",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # The token first: a bad token is then a 401 with WWW-Authenticate, not a 403.
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.ClientRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "anonymous": os.environ.get("API_RATE_ANONYMOUS", "120/min"),
        "authenticated": os.environ.get("API_RATE_AUTHENTICATED", "600/min"),
    },
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "URL_FORMAT_OVERRIDE": None,
    "UNAUTHENTICATED_TOKEN": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Pressearchiv Thüringen API",
    "DESCRIPTION": (
        "Read-only JSON API of the press archive: published items, keywords, people and "
        'sources. Dates are ISO 8601. See the README section "API".'
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_NO_READ_ONLY_REQUIRED": True,
    "ENUM_NAME_OVERRIDES": {
        "ItemKindEnum": "articles.models.article.ArticleKind",
        "DatePrecisionEnum": "articles.models.article.DatePrecision",
        "SourceKindEnum": "articles.models.sources.SourceKind",
    },
}
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Retry-After", "Link"]

# Sessions live in PostgreSQL, which every server process and machine shares. With REDIS_URL
# they are also cached in Redis (read from Redis, written to both).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
if os.environ.get("REDIS_URL"):
    CACHES["sessions"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["REDIS_URL"],
        "KEY_PREFIX": "archive-session",
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    SESSION_CACHE_ALIAS = "sessions"

# Security: strict unless DEBUG. HTTPS=0 for a production site served without TLS.
HTTPS = env_bool("HTTPS", not DEBUG)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
# Preloading is hard to undo (browsers ship the list): the operator opts in with HSTS_PRELOAD=1.
SECURE_HSTS_PRELOAD = HTTPS and env_bool("HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
# Behind the proxy of deploy/, gunicorn sets the scheme from X-Forwarded-Proto, and only for
# connections from its forwarded_allow_ips. Django trusts the header itself only when the
# operator says every request comes through a proxy that sets it (TRUST_X_FORWARDED_PROTO=1).
if env_bool("TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Content-Security-Policy (django-csp): scripts, styles, images and fonts from the site itself
# only; no inline script. Inline style attributes stay allowed: the chart positions its labels
# with them and the admin's widgets toggle them. Nothing may frame the site.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Features the site never uses, switched off for it and anything it might embed.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)

# One console handler on the root logger. Django's own "django" console handler is replaced
# (no handlers, propagating to the root), else every line of it was printed twice.
LOG_LEVEL = os.environ.get("LOG_LEVEL", "WARNING")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": [], "level": "INFO" if DEBUG else LOG_LEVEL, "propagate": True},
    },
}
