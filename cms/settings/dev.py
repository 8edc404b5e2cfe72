"""Settings for a developer's machine: debug on, local hosts only."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
