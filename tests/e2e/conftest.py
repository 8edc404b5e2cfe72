"""Browser fixtures: Debian's Chromium driven by Playwright against a live server.

Playwright's own browser download is unreachable from these machines, so the
tests launch ``/usr/bin/chromium`` (``make browser`` installs it) and skip
when it is missing. Each test module gets one browser; each test a fresh
context, so no cookie or session leaks between flows.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User

from .browsing import PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium keeps calling out to
# Google services, which the closed test network refuses.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Actions wait at most this long for an element or a navigation, in ms.
ACTION_TIMEOUT_MS = 15_000


@pytest.fixture(scope="module")
def browser() -> Iterator:
    """Launch one headless Chromium for the module, or skip when it is missing."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: run `make browser` to install Chromium.")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop running in this thread, and
    # Django then rejects ORM calls from the test body without this flag.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
            )
            yield launched
            launched.close()


@pytest.fixture
def site(live_server, bootstrapped_transactional_db) -> str:
    """Return the base URL of a live server loaded with the real data."""
    return live_server.url


@pytest.fixture
def new_page(browser, site):
    """Return a factory of pages, each in its own context at the live server."""
    contexts = []

    def open_page(width: int = 412, height: int = 915):
        context = browser.new_context(
            base_url=site,
            viewport={"width": width, "height": height},
            locale="id-ID",
            timezone_id="Asia/Jakarta",
        )
        context.set_default_timeout(ACTION_TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def make_user():
    """Return a factory of active users in one named group, with a known password."""

    def create(username: str, group_name: str) -> User:
        user = User.objects.create_user(
            username=username, email=f"{username}@bekasikota.go.id", password=PASSWORD
        )
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return create
