"""The client's rich-text allowlist, run in Chromium on hostile HTML.

The browser loads the client's own dom.js from disk through request
interception, so these tests need neither a server nor a database.
"""

import pytest

from frontend_contract.views import CLIENT_DIR

pytestmark = pytest.mark.browser

# Intercepted requests never leave the browser, so the address is only a name.
ORIGIN = "http://127.0.0.1:8106"
HARNESS = """<!doctype html><html><body><div id="out"></div>
<script type="module">
import { h, richText } from "/client/dom.js";
window.richText = richText;
window.h = h;
window.ready = true;
</script></body></html>"""

HOSTILE = (
    "<p>Halo <strong>warga</strong>"
    '<img src="x" onerror="window.attacked = 1">'
    '<a href="javascript:window.attacked = 2" onclick="window.attacked = 3">klik</a>'
    '<a href="https://bekasikota.go.id/">situs</a>'
    "<script>window.attacked = 4</script>"
    '<iframe src="https://example.com/"></iframe>'
    "<style>body { display: none }</style>"
    "<mark>ditandai</mark></p>"
)


@pytest.fixture
def harness(browser):
    context = browser.new_context()
    page = context.new_page()

    def serve(route):
        path = route.request.url.removeprefix(ORIGIN)
        if path == "/":
            route.fulfill(body=HARNESS, content_type="text/html")
        elif path == "/client/dom.js":
            body = (CLIENT_DIR / "dom.js").read_text(encoding="utf-8")
            route.fulfill(body=body, content_type="text/javascript")
        else:
            route.fulfill(status=404, body="")

    page.route(f"{ORIGIN}/**", serve)
    page.goto(f"{ORIGIN}/")
    page.wait_for_function("window.ready === true")
    yield page
    context.close()


def render(page, html: str) -> str:
    return page.evaluate(
        """(html) => {
            const out = document.getElementById("out");
            out.replaceChildren(window.richText(html));
            return out.innerHTML;
        }""",
        html,
    )


def test_rich_text_drops_script_and_handlers(harness):
    html = render(harness, HOSTILE)
    harness.click("#out a >> text=klik")

    assert harness.evaluate("window.attacked") is None
    assert "<script" not in html
    assert "<iframe" not in html
    assert "<style" not in html
    assert "<img" not in html
    assert "onerror" not in html
    assert "onclick" not in html
    assert "javascript:" not in html


def test_rich_text_keeps_allowed_markup(harness):
    html = render(harness, HOSTILE)

    assert "Halo <strong>warga</strong>" in html
    assert '<a href="https://bekasikota.go.id/" rel="noopener">situs</a>' in html
    assert "<mark>ditandai</mark>" in html
    assert '<a rel="noopener">klik</a>' in html


def test_element_builder_drops_unsafe_href(harness):
    html = harness.evaluate(
        """() => {
            const safe = window.h("a", { href: "/disdukcapil/" }, "aman");
            const unsafe = window.h("a", { href: " javascript:alert(1)" }, "bahaya");
            return safe.outerHTML + unsafe.outerHTML;
        }"""
    )

    assert html == '<a href="/disdukcapil/">aman</a><a>bahaya</a>'
