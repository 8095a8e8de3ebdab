"""Settings, read from the environment only (see .env.example for every variable).

Production is the default: DEBUG is off, secure cookies and HSTS are on, and a
SECRET_KEY and DATABASE_URL must be given. The development run command and the
test command supply safe local values through the environment.
"""

from datetime import timedelta
from pathlib import Path
from urllib.parse import unquote

import environ
from celery.schedules import crontab
from csp.constants import NONCE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# A local .env (written by `make run`) is read if present; real environment variables win.
# The test command points ENV_FILE elsewhere so that tests never see a developer's .env.
environ.Env.read_env(env.str("ENV_FILE", default=str(BASE_DIR / ".env")), overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY")  # no default: refuse to start without one
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # The admin site asks for the second factor too (oversight.core.signin.admin).
    "oversight.core.signin.apps.VerifiedAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.forms",
    "rest_framework",
    "knox",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "rules",
    "pgtrigger",
    "pghistory",
    "pghistory.admin",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "django_celery_beat",
    "django_celery_results",
    "oversight",
    "cases",
    "appeals",
    "learning",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "oversight.core.middleware.CompleteBodyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After the messages, which tell the signed-out person why; idle first, then the factor.
    "oversight.core.signin.middleware.IdleTimeoutMiddleware",
    "oversight.core.signin.middleware.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "pghistory.middleware.HistoryMiddleware",
    "oversight.core.middleware.NoStoreForSignedInMiddleware",
    "oversight.core.middleware.PermissionsPolicyMiddleware",
    # Outside DRF's views, so that it sees the token's user DRF set on the request.
    "oversight.core.refusals.middleware.RefusedRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "oversight.urls"
WSGI_APPLICATION = "oversight.wsgi.application"

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
                "csp.context_processors.nonce",
                "oversight.context_processors.navigation",
                "oversight.core.signin.context_processors.idle_warning",
            ],
        },
    },
]
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {"default": env.db("DATABASE_URL")}
# A Unix socket directory may be given percent-encoded as the host (postgres://u@%2Fpath/db).
DATABASES["default"]["HOST"] = unquote(DATABASES["default"]["HOST"])
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "oversight.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# The number of proxies of our own in front of the application, each appending to
# X-Forwarded-For (a load balancer, then gunicorn: 1). 0: the header is ignored and clients are
# told apart by the connection's address. Read by oversight.core.addresses.client_address.
NUM_PROXIES = env.int("NUM_PROXIES", default=0)

# The API throttles' counters, shared by every worker process: Redis in production
# (CACHE_URL, say redis://127.0.0.1:6379/1). Unset (`make run`), each process counts alone.
CACHE_URL = env.str("CACHE_URL", default="")
CACHE_KEY_PREFIX = env.str("CACHE_KEY_PREFIX", default="oversight")
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            # A Redis outage must never hang a request (the throttles then let it through).
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AXES_CLIENT_IP_CALLABLE = "oversight.core.addresses.client_address"
# Sign-in throttling: lock a username+address pair after repeated failures, and an address
# after many more whatever the usernames (password spraying); high enough for an office
# behind one address (oversight.core.signin.throttling).
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
AXES_HANDLER = "oversight.core.signin.throttling.AddressLimitHandler"
AXES_FAILURE_LIMIT = 5
AXES_ADDRESS_FAILURE_LIMIT = env.int("AXES_ADDRESS_FAILURE_LIMIT", default=50)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]

# Two-factor sign-in (TOTP and recovery codes, django-otp) for every account that signs in to
# the pages; on unless DEBUG. The test command turns it off; tests of it turn it on.
MFA_REQUIRED = env.bool("MFA_REQUIRED", default=not DEBUG)
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="Oversight case tracker")
# A signed-in session ends after this long without a request (a warning shows before).
SESSION_IDLE_MINUTES = env.int("SESSION_IDLE_MINUTES", default=30)

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Tests and the development server serve files straight from the finders.
WHITENOISE_USE_FINDERS = env.bool("WHITENOISE_USE_FINDERS", default=DEBUG)
if env.bool("STATIC_MANIFEST", default=not DEBUG) is False:
    STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"

# Transport security. Secure cookies and HTTPS redirects are on unless turned off for local HTTP.
SECURE_COOKIES = env.bool("SECURE_COOKIES", default=not DEBUG)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
# __Host- cookies are bound to this host over HTTPS; browsers refuse them over plain HTTP.
SESSION_COOKIE_NAME = "__Host-sessionid" if SECURE_COOKIES else "sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken" if SECURE_COOKIES else "csrftoken"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": ["'none'"],
        "form-action": [SELF],
        "base-uri": [SELF],
    },
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first, so that an anonymous request is told how to authenticate (401).
        "knox.auth.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "oversight.core.api_pagination.StandardPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": [
        "oversight.core.filters.FilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": [
        "oversight.core.throttles.AnonRateThrottle",
        "oversight.core.throttles.UserRateThrottle",
    ],
    # For DRF's own uses; the throttles identify clients by oversight.core.addresses.
    "NUM_PROXIES": NUM_PROXIES,
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("API_THROTTLE_ANON", default="60/minute"),
        "user": env.str("API_THROTTLE_USER", default="1200/minute"),
        # Per API token, for the force liaisons' recommendations endpoints.
        "recommendations_token": env.str("API_THROTTLE_TOKEN", default="600/minute"),
    },
    "DATE_INPUT_FORMATS": ["iso-8601"],
    "EXCEPTION_HANDLER": "oversight.core.api_errors.exception_handler",
}
REST_KNOX = {
    "AUTH_HEADER_PREFIX": "Token",
    "TOKEN_TTL": timedelta(days=env.int("API_TOKEN_TTL_DAYS", default=90)),
    "AUTO_REFRESH": False,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Oversight case tracker API",
    "DESCRIPTION": (
        "Referrals, investigations, appeals and reviews, and learning recommendations "
        "of an independent police-complaints oversight body. Dates are ISO YYYY-MM-DD; "
        "organisations are given by code and records by reference."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    # /api/schema/ answers per role: only the operations the caller's own permissions allow
    # (a force liaison sees the recommendations it reads and answers, not the staff's API).
    "SERVE_PUBLIC": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "oversight.core.api_schema.declare_error_answers",
    ],
    # Several fields are named "kind"; each choice set gets its own name in the schema.
    "ENUM_NAME_OVERRIDES": {
        "WorkItemKindEnum": "oversight.work.rules.CASE_KINDS",
        "RecommendationKindEnum": "learning.models.RecommendationKind",
    },
}

# Mail: EMAIL_URL as django-environ reads it (smtp+tls://USER:PASSWORD@HOST:587 in production);
# the console by default, so that development prints the reminders instead of sending them.
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Oversight case tracker <noreply@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The site's address, for the absolute links in emails (no trailing slash needed).
SITE_URL = env.str("SITE_URL", default="http://localhost:8000").rstrip("/")

# Celery: Redis in production. With no broker configured, tasks run in-process.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# The pool kills a task that runs past its hard time limit, so no task outlives it.
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=15 * 60)
CELERY_TASK_SOFT_TIME_LIMIT = CELERY_TASK_TIME_LIMIT * 14 // 15
CELERY_TIMEZONE = TIME_ZONE
# A Redis outage must never hang a page: fail fast when publishing.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
    # Redis gives a task nobody acknowledged to another worker after this many seconds. With
    # late acks a task is unacknowledged while it runs: below the time limit, a long task would
    # be run twice at once; Redis's default (an hour) leaves a killed worker's task that long.
    # Just past the time limit (the margin covers the start and the acknowledgement), a task
    # whose worker died runs again as soon as it can no longer be running anywhere.
    "visibility_timeout": CELERY_TASK_TIME_LIMIT + env.int("CELERY_VISIBILITY_MARGIN", default=60),
}
CELERY_RESULT_BACKEND = "django-db"
CELERY_RESULT_EXTENDED = True
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_BEAT_SCHEDULE = {
    # Nightly, so that figures depending on today (overdue responses) move on by themselves.
    "timeliness-nightly": {
        "task": "oversight.performance.tasks.compute_timeliness",
        "schedule": crontab(hour=2, minute=0),
    },
    # Within a minute of a change to a case; a cheap check when nothing changed.
    "timeliness-when-changed": {
        "task": "oversight.performance.tasks.refresh_timeliness_if_stale",
        "schedule": 60.0,
    },
    # Each member of staff's overdue duties and those due within 5 working days, by email at
    # 07:00 London time every day (CELERY_TIMEZONE), before the working day starts; daily,
    # as duties fall due at weekends too.
    "reminders-daily": {
        "task": "oversight.work.tasks.send_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
}
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

# Internal service level: the mode of investigation is decided within this many working days.
REFERRAL_DECISION_WORKING_DAYS = env.int("REFERRAL_DECISION_WORKING_DAYS", default=3)
# Reg. 34(2)(b) of the 2020 Regulations: the outcome is told within five working days.
OUTCOME_NOTICE_WORKING_DAYS = env.int("OUTCOME_NOTICE_WORKING_DAYS", default=5)
# No statutory period: the body's target for deciding an appeal or review, from receipt.
APPLICATION_DECISION_TARGET_DAYS = env.int("APPLICATION_DECISION_TARGET_DAYS", default=90)
AXES_LOCKOUT_TEMPLATE = "axes_lockout.html"
AXES_VERBOSE = False
