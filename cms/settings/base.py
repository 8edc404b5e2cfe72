"""Settings shared by every environment.

Each value that differs between a laptop and a production deployment is read
from an environment variable here, with a default that is safe for local use.
"""

import os
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name: str, default: bool = False) -> bool:
    """Read a boolean environment variable written as 1/0, true/false or yes/no."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    value = value.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ValueError(
        f"Invalid boolean {value!r} in environment variable {name}: use 1 or 0."
    )


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable into a list of stripped items."""
    raw = os.environ.get(name, default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    """Read an integer environment variable, naming the variable when it is invalid."""
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ValueError(
            f"Invalid integer {value!r} in environment variable {name}: "
            f"use a whole number such as {default}."
        ) from None


DEFAULT_SECRET_KEY = "insecure-development-key-change-me"  # noqa: S105
SECRET_KEY = os.environ.get("SECRET_KEY", DEFAULT_SECRET_KEY)
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "opd_pages",
    "opd_pages.freshness",
    "graphql_api",
    "search",
    "frontend_contract",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.redirects",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django_tasks",
    "django_tasks_db",
    "corsheaders",
    "strawberry_django",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# Database: DATABASE_URL, for example postgres://user@127.0.0.1:5432/bekasi.
# Without it the project uses a SQLite file in the project folder.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The city runs on Western Indonesia Time; every date shown to editors and
# every freshness boundary is computed in this zone.
LANGUAGE_CODE = "id"
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Email: the console backend prints messages to stderr until EMAIL_BACKEND and
# the EMAIL_HOST settings point at a real server.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Bekasi Iconic CMS <noreply@bekasikota.go.id>"
)

# Cache: local memory by default, Redis when REDIS_URL is set.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Tasks: run in-process unless TASKS_BACKEND names another backend, for
# example django_tasks_db.DatabaseBackend with a worker.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        ),
    }
}

# Wagtail
WAGTAIL_SITE_NAME = "Bekasi Iconic"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Elasticsearch for citizen search; without it search runs on the database.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")

# CORS for GraphQL clients on other origins.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/graphql/?$"

# GraphQL API (graphql_api.conf lists every setting and its default).
# MEDIA_BASE_URL is the host that image URLs are made absolute on, whatever
# host a request came in on. A CDN in front of MEDIA_ROOT goes here.
MEDIA_BASE_URL = os.environ.get("MEDIA_BASE_URL", WAGTAILADMIN_BASE_URL)
# Seconds that browsers and CDNs may reuse an anonymous GET response.
GRAPHQL_CACHE_MAX_AGE = int(os.environ.get("GRAPHQL_CACHE_MAX_AGE", "60"))
# Introspection access: "always", "authenticated" (staff) or "never".
GRAPHQL_INTROSPECTION = os.environ.get("GRAPHQL_INTROSPECTION", "always")

# The request.META key that contains the citizen's address behind a reverse proxy
# (for example HTTP_X_REAL_IP); empty means REMOTE_ADDR. Citizen reports are
# rate-limited per address, so behind a proxy without it everyone shares one limit.
FRESHNESS_CLIENT_ADDRESS_HEADER = os.environ.get("FRESHNESS_CLIENT_ADDRESS_HEADER", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "formatter": "plain"},
    },
    "root": {"handlers": ["stderr"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Wagtail logs every page created and published at INFO; the audit
        # trail is its log entries in the database, so stderr keeps warnings.
        "wagtail": {"level": "WARNING"},
        # One line per task run drowns everything else at INFO.
        "django_tasks": {"level": "WARNING"},
    },
}
