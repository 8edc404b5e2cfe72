"""Settings for a public deployment.

Importing this module raises ImproperlyConfigured when the secret key is the
development default or DEBUG is on, so a misconfigured server never starts.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DEFAULT_SECRET_KEY, SECRET_KEY, env_bool

DEBUG = env_bool("DEBUG", False)

if SECRET_KEY == DEFAULT_SECRET_KEY or not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is missing or is the development default: "
        "set the SECRET_KEY environment variable to a long random value."
    )
if DEBUG:
    raise ImproperlyConfigured(
        "DEBUG is on in production settings: unset DEBUG or set DEBUG=0."
    )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)

# Anonymous clients get the committed SDL (frontend_contract/schema.graphql),
# not live introspection; staff sessions keep it for debugging.
GRAPHQL_INTROSPECTION = os.environ.get("GRAPHQL_INTROSPECTION", "authenticated")
GRAPHQL_MASK_ERRORS = True
