"""Demo accounts that let a newcomer see the OPD permissions at work.

Created only by ``bootstrap --demo-accounts``. Every account is named
``demo-...`` and shares one password, so it must never exist on a public server.
"""

import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from .bootstrap import COORDINATOR_GROUP, editor_group_name, moderator_group_name
from .models import OPDPage

DEMO_OPDS = ["disdukcapil", "dinkes"]
DEMO_PASSWORD_ENV = "DEMO_PASSWORD"  # noqa: S105 (a variable name)
DEFAULT_DEMO_PASSWORD = "demo-bekasi-2026"  # noqa: S105 (demo accounts only)


def create_demo_accounts() -> list[str]:
    """Create or refresh the demo accounts and return one line describing each."""
    password = os.environ.get(DEMO_PASSWORD_ENV, DEFAULT_DEMO_PASSWORD)
    User = get_user_model()
    lines = [
        f"DEMO accounts (password from {DEMO_PASSWORD_ENV}, default {DEFAULT_DEMO_PASSWORD!r}):"
    ]
    accounts = []
    for slug in DEMO_OPDS:
        opd = OPDPage.objects.get(slug=slug)
        accounts.append((f"demo-editor-{slug}", editor_group_name(opd)))
        accounts.append((f"demo-moderator-{slug}", moderator_group_name(opd)))
    accounts.append(("demo-koordinator", COORDINATOR_GROUP))
    for username, group_name in accounts:
        user, _ = User.objects.get_or_create(
            username=username,
            defaults={"email": f"{username}@demo.invalid"},
        )
        # The admin shows this name (e.g. "submitted by"), so it names the role.
        user.first_name = "DEMO"
        user.last_name = group_name
        user.set_password(password)
        user.save()
        user.groups.set([Group.objects.get(name=group_name)])
        lines.append(f"  {username} -> group {group_name!r}")
    return lines
