"""Per-request state shared by the resolvers of one GraphQL operation."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from strawberry.django.context import StrawberryDjangoContext
from wagtail.documents import get_document_model
from wagtail.models import Site

from opd_pages.visibility import public_documents

from .errors import InvalidInputError

if TYPE_CHECKING:
    from strawberry.types import Info


@dataclass
class ApiContext(StrawberryDjangoContext):
    """The Django request plus caches that live for one operation.

    ``batches`` holds the results of batched lookups (documents, nested
    listings) so that resolving N objects costs a constant number of queries.
    """

    batches: dict[Any, Any] = field(default_factory=dict)
    # Sites named by a `site` argument, keyed by the response key (alias) of
    # the root field that named them, so one field's site never leaks into
    # another field of the same operation.
    field_sites: dict[str, Site] = field(default_factory=dict)
    _default_site: Site | None = None

    def default_site(self) -> Site | None:
        """Return the default site (``is_default_site``), looked up once."""
        if self._default_site is None:
            self._default_site = Site.objects.filter(is_default_site=True).first()
        return self._default_site

    def scope_site(self, info: Info, site: Site) -> None:
        """Make ``site`` the site of the root field that ``info`` belongs to."""
        self.field_sites[root_response_key(info)] = site

    def site_for(self, info: Info) -> Site | None:
        """Return the site that URLs under the field of ``info`` are built on.

        That is the site named by the enclosing root field's `site` argument,
        else the default site.
        """
        site = self.field_sites.get(root_response_key(info))
        return site if site is not None else self.default_site()

    def public_documents(self, ids: set[int]) -> dict[int, Any]:
        """Return the public documents among ``ids``, keyed by id.

        Each id is checked once per operation through ``public_documents()``,
        so a document that is not public resolves to null on every path.
        """
        known = self.batches.setdefault("public_documents", {})
        missing = {pk for pk in ids if pk not in known}
        if missing:
            found = public_documents(
                get_document_model().objects.filter(pk__in=missing)
            )
            by_pk = {document.pk: document for document in found}
            for pk in missing:
                known[pk] = by_pk.get(pk)
        return {pk: known[pk] for pk in ids if known.get(pk) is not None}


def root_response_key(info: Info) -> str:
    """Return the response key (alias or name) of the root field above ``info``."""
    path = info.path
    while path.prev is not None:
        path = path.prev
    return str(path.key)


def request_site(info: Info) -> Site | None:
    """Return the site that URLs resolved by the field of ``info`` are built on."""
    return api_context(info).site_for(info)


def api_context(info: Info) -> ApiContext:
    """Return the operation's context, creating one for direct schema calls."""
    context = info.context
    if isinstance(context, ApiContext):
        return context
    # schema.execute_sync() without the view passes a plain dict or None.
    if isinstance(context, dict):
        if "api_context" not in context:
            context["api_context"] = ApiContext(
                request=context.get("request"), response=None
            )
        return context["api_context"]
    raise InvalidInputError("The GraphQL context is missing: use the /graphql/ view.")


def site_for_hostname(hostname: str | None, context: ApiContext) -> Site | None:
    """Return the site named by ``hostname`` (default site when empty).

    Raises InvalidInputError when no site or more than one site (on several
    ports) has that hostname, because picking one would be a guess.
    """
    if not hostname:
        return context.default_site()
    sites = list(Site.objects.filter(hostname__iexact=hostname.strip()))
    if not sites:
        raise InvalidInputError(
            f"No site has hostname {hostname!r}: omit `site` to use the default site."
        )
    if len(sites) > 1:
        ports = ", ".join(str(site.port) for site in sites)
        raise InvalidInputError(
            f"Several sites have hostname {hostname!r} (ports {ports}): "
            "the lookup is ambiguous, so ask the administrator to keep one."
        )
    return sites[0]
