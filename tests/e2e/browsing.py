"""Helpers the browser tests share: admin login and screenshots."""

from pathlib import Path

SCREENSHOT_DIR = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
PASSWORD = "uji-coba-rahasia-42"


def login(page, username: str) -> None:
    """Log ``username`` into the Wagtail admin and wait for its dashboard."""
    page.goto("/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url("**/admin/")


def screenshot(page, name: str, full_page: bool = True) -> Path:
    """Save a screenshot of the page, or of its viewport, under test-artifacts/."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
