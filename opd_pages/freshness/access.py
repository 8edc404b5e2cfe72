"""Permission checks and page scopes for freshness facts and citizens' reports."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

REPORT_PERMISSION = "freshness.view_freshness_report"

# The coordinator reads every OPD's report and edits the update policies.
COORDINATOR_CODENAMES = [
    "view_freshness_report",
    "add_updatepolicy",
    "change_updatepolicy",
    "delete_updatepolicy",
    "view_updatepolicy",
]


def grant_coordinator_permissions(group: Group) -> None:
    """Give ``group`` the freshness report and the update policy snippets."""
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="freshness", codename__in=COORDINATOR_CODENAMES
        )
    )


def can_view_report(user) -> bool:
    return user.is_active and user.has_perm(REPORT_PERMISSION)


def editable_pages(user):
    """Return the pages ``user`` may edit or publish, by Wagtail's page permissions."""
    return PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["change", "publish"]
    )


def editable_opd_scope(user) -> tuple[set[int], set[int]]:
    """Return the ids of the OPDs ``user`` edits in, and of the pages they may edit.

    A user in the groups of two OPDs gets both. Superusers get every page.
    """
    from opd_pages.models import OPDPage

    page_ids = set(editable_pages(user).values_list("pk", flat=True))
    if not page_ids:
        return set(), set()
    opd_paths = list(OPDPage.objects.values_list("pk", "path"))
    page_paths = list(
        Page.objects.filter(pk__in=page_ids).values_list("path", flat=True)
    )
    opd_ids = {
        opd_id
        for opd_id, opd_path in opd_paths
        for page_path in page_paths
        if page_path.startswith(opd_path) or opd_path.startswith(page_path)
    }
    return opd_ids, page_ids
