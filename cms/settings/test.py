"""Settings for the test suite: fast hashing, in-memory email, local media."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="bekasi-test-media-"))
ALLOWED_HOSTS = ["*"]
LOGGING["root"]["level"] = "WARNING"  # noqa: F405

# A test database name of its own per run, so two runs against one PostgreSQL
# server (two checkouts, or a developer and CI) never drop each other's database.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": f"test_{DATABASES['default']['NAME']}_{os.getpid()}"  # noqa: F405
    }
