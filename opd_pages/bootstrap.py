"""Create the site, the OPD directory, every OPD with its groups, and its services.

Every step looks for what exists before creating it, so running the load again
changes nothing unless the data files changed.
"""

import logging
import os
from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import (
    FourEyesApprovalTask,
    Kecamatan,
    Kelurahan,
    OPDIndexPage,
    OPDKind,
    OPDPage,
    ServicePage,
)
from .permissions import ensure_read_all_permission
from .seed_data import SeedData

logger = logging.getLogger(__name__)

DIRECTORY_SLUG = "opd"
COORDINATOR_GROUP = "Koordinator"
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
MODERATOR_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
]
COLLECTION_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}


def editor_group_name(opd: OPDPage) -> str:
    return f"Editor {opd.abbreviation}"


def moderator_group_name(opd: OPDPage) -> str:
    return f"Moderator {opd.abbreviation}"


@dataclass
class BootstrapReport:
    """Counts of what one run created or changed, for the command's output."""

    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str, created: bool) -> None:
        target = self.created if created else self.updated
        target[kind] = target.get(kind, 0) + 1

    @property
    def changed_nothing(self) -> bool:
        return not self.created and not self.updated


def permission(codename: str, app_label: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def load_regions(seed: SeedData, report: BootstrapReport) -> dict[str, Kecamatan]:
    """Create or update every kecamatan and kelurahan; return kecamatan by code."""
    by_code = {}
    for district in seed.regions["districts"]:
        kecamatan, created = Kecamatan.objects.update_or_create(
            code=district["code"],
            defaults={
                "name": district["name"],
                "bps_code": district.get("bps_code", ""),
            },
        )
        if created:
            report.count("kecamatan", True)
        for village in district["villages"]:
            _, created = Kelurahan.objects.update_or_create(
                code=village["code"],
                defaults={
                    "name": village["name"],
                    "kecamatan": kecamatan,
                    "postal_code": village.get("postal_code", ""),
                    "alt_names": village.get("alt_names", []),
                },
            )
            if created:
                report.count("kelurahan", True)
        by_code[kecamatan.code] = kecamatan
    return by_code


def publish_new_child(parent: Page, page: Page) -> Page:
    """Add ``page`` under ``parent`` and publish its first revision."""
    page.live = False
    parent.add_child(instance=page)
    page.save_revision(log_action=False).publish(log_action=False)
    return page


def update_and_publish(page: Page, values: dict, force: bool = False) -> bool:
    """Set ``values`` on a live page and publish a revision, only if something differs."""
    changed = {
        name: value for name, value in values.items() if getattr(page, name) != value
    }
    if not changed and not force:
        return False
    for name, value in changed.items():
        setattr(page, name, value)
    page.save_revision(log_action=False).publish(log_action=False)
    return True


def ensure_directory(report: BootstrapReport) -> OPDIndexPage:
    """Return the OPD directory, creating it as the default site's root page."""
    directory = OPDIndexPage.objects.first()
    if directory is None:
        root = Page.get_first_root_node()
        # Wagtail's first migration creates a placeholder welcome page; the
        # directory takes its place as the home of the site.
        Page.objects.filter(
            depth=2, content_type=ContentType.objects.get_for_model(Page)
        ).delete()
        root.refresh_from_db()
        directory = OPDIndexPage(
            title="Bekasi Iconic",
            slug=DIRECTORY_SLUG,
            intro="<p>Informasi publik dari seluruh perangkat daerah Kota Bekasi.</p>",
        )
        publish_new_child(root, directory)
        report.count("directory", True)
    ensure_default_site(directory, report)
    return directory


def site_address() -> tuple[str, int, bool]:
    """Return the host name and port for the default site, and whether they were set.

    SITE_HOSTNAME and SITE_PORT name the address that absolute page URLs use;
    ``make run`` sets them to the address it serves on.
    """
    hostname = os.environ.get("SITE_HOSTNAME", "")
    port = os.environ.get("SITE_PORT", "")
    if port and not port.isdigit():
        raise ValueError(f"Invalid SITE_PORT {port!r}: use a port number such as 8000.")
    return hostname or "localhost", int(port or 80), bool(hostname or port)


def ensure_default_site(directory: OPDIndexPage, report: BootstrapReport) -> Site:
    """Point the default site at the directory, at SITE_HOSTNAME:SITE_PORT when set."""
    hostname, port, address_given = site_address()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=directory,
            is_default_site=True,
            site_name="Bekasi Iconic",
        )
        report.count("site", True)
        return site
    wanted = {"root_page_id": directory.pk, "site_name": "Bekasi Iconic"}
    if address_given:
        wanted.update(hostname=hostname, port=port)
    changed = {
        name: value for name, value in wanted.items() if getattr(site, name) != value
    }
    if changed:
        for name, value in changed.items():
            setattr(site, name, value)
        site.save()
        report.count("site", False)
    return site


def opd_values(entry: dict, kecamatan_by_code: dict[str, Kecamatan]) -> dict:
    kecamatan = None
    if entry["category"] == OPDKind.KECAMATAN:
        kecamatan = kecamatan_by_code[entry["region_code"]]
    return {
        "title": entry["name"],
        "official_name": entry["full_name"],
        "abbreviation": entry["abbreviations"][0],
        "other_abbreviations": entry["abbreviations"][1:],
        "kind": entry["category"],
        "government_affairs": entry.get("government_affairs", []),
        "address": entry.get("address", ""),
        "phone": entry.get("phone", ""),
        "email": entry.get("email", ""),
        "website": entry.get("website", ""),
        "kecamatan": kecamatan,
        "region": kecamatan,
    }


def ensure_opd(directory, entry, kecamatan_by_code, report) -> OPDPage:
    values = opd_values(entry, kecamatan_by_code)
    opd = OPDPage.objects.child_of(directory).filter(slug=entry["id"]).first()
    if opd is None:
        opd = publish_new_child(directory, OPDPage(slug=entry["id"], **values))
        report.count("opd", True)
    elif update_and_publish(opd, values):
        report.count("opd", False)
    return opd


def ensure_collection(opd: OPDPage, report: BootstrapReport) -> Collection:
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=opd.title).first()
    if collection is None:
        collection = root.add_child(name=opd.title)
        report.count("collection", True)
    return collection


def grant_page_permissions(group: Group, page: Page, codenames: list[str]) -> None:
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=permission(codename, "wagtailcore")
        )


def grant_collection_permissions(group: Group, collection: Collection) -> None:
    for app_label, codenames in COLLECTION_PERMISSIONS.items():
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=permission(codename, app_label),
            )


def ensure_groups(opd: OPDPage, collection: Collection, report) -> tuple[Group, Group]:
    """Create the editor and moderator groups of one OPD with their permissions."""
    access_admin = permission("access_admin", "wagtailadmin")
    groups = []
    for name, codenames in (
        (editor_group_name(opd), EDITOR_PAGE_PERMISSIONS),
        (moderator_group_name(opd), MODERATOR_PAGE_PERMISSIONS),
    ):
        group, created = Group.objects.get_or_create(name=name)
        if created:
            report.count("group", True)
        group.permissions.add(access_admin)
        grant_page_permissions(group, opd, codenames)
        grant_collection_permissions(group, collection)
        groups.append(group)
    return groups[0], groups[1]


def upgrade_to_four_eyes(task: GroupApprovalTask, report) -> None:
    """Turn a plain group approval task made by an earlier bootstrap into four-eyes approval.

    The proxy model shares the table, so only the task's content type changes
    and submissions in progress keep their state.
    """
    four_eyes = ContentType.objects.get_for_model(
        FourEyesApprovalTask, for_concrete_model=False
    )
    if task.content_type_id != four_eyes.pk:
        GroupApprovalTask.objects.filter(pk=task.pk).update(content_type=four_eyes)
        report.count("workflow", False)


def ensure_workflow(opd: OPDPage, moderators: Group, report) -> Workflow:
    """Give the OPD's subtree a one-step approval workflow run by its moderators."""
    name = f"Persetujuan {opd.abbreviation}"
    workflow, created = Workflow.objects.get_or_create(name=name)
    if created:
        report.count("workflow", True)
    task = GroupApprovalTask.objects.filter(
        name=f"Persetujuan moderator {opd.abbreviation}"
    ).first()
    if task is None:
        task = FourEyesApprovalTask.objects.create(
            name=f"Persetujuan moderator {opd.abbreviation}"
        )
        task.groups.set([moderators])
    else:
        upgrade_to_four_eyes(task, report)
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    WorkflowPage.objects.update_or_create(page=opd, defaults={"workflow": workflow})
    return workflow


def ensure_coordinator_group(report: BootstrapReport) -> Group:
    """Create the city communication office's group, which reads and reports on every OPD."""
    group, created = Group.objects.get_or_create(name=COORDINATOR_GROUP)
    if created:
        report.count("group", True)
    group.permissions.add(permission("access_admin", "wagtailadmin"))
    # Read-only access to every OPD comes from this permission, never from page
    # permissions, so the coordinator can edit or publish nothing.
    group.permissions.add(ensure_read_all_permission())
    from .freshness.access import grant_coordinator_permissions

    grant_coordinator_permissions(group)
    return group


def service_values(entry: dict, opds_by_id: dict[str, OPDPage]) -> dict:
    opd = opds_by_id[entry["responsible_opd_id"]]
    product = entry.get("product", "")
    summary = f"{entry['name']} oleh {opd.title}."
    if product:
        summary += f" Hasil layanan: {product}."
    body = []
    if entry.get("payment_channels"):
        channels = "".join(
            f"<li>{channel}</li>" for channel in entry["payment_channels"]
        )
        body.append(("paragraph", f"<h3>Kanal pembayaran</h3><ul>{channels}</ul>"))
    return {
        "title": entry["name"],
        "summary": summary,
        "alternative_names": entry.get("aliases", []),
        "requirements": [("item", text) for text in entry["requirements"]],
        "procedure": [("item", text) for text in entry["procedure"]],
        "processing_time": entry.get("service_time", ""),
        "cost": entry.get("cost", ""),
        "product": product,
        "service_hours": entry.get("service_hours", ""),
        "legal_basis": [("item", text) for text in entry["legal_basis"]],
        "complaint_channels": [
            (
                "channel",
                {"name": c["name"], "url": c.get("url", ""), "note": c.get("note", "")},
            )
            for c in entry.get("complaint_channels", [])
        ],
        "body": body,
    }


STREAM_FIELDS = (
    "requirements",
    "procedure",
    "legal_basis",
    "complaint_channels",
    "body",
)


def drop_unchanged_streams(page: ServicePage, values: dict) -> dict:
    """Drop StreamField values that already match the page, so reruns publish nothing.

    A StreamValue never equals the list of tuples it was built from, so the
    comparison goes through each block's stored form.
    """
    result = dict(values)
    for name in STREAM_FIELDS:
        stream = getattr(page, name)
        stored = [
            (child.block_type, child.block.get_prep_value(child.value))
            for child in stream
        ]
        expected = []
        for block_type, value in values[name]:
            block = stream.stream_block.child_blocks[block_type]
            expected.append((block_type, block.get_prep_value(block.to_python(value))))
        if stored == expected:
            del result[name]
    return result


def ensure_service(entry, opds_by_id, report) -> ServicePage:
    parent = opds_by_id[entry["responsible_opd_id"]]
    values = service_values(entry, opds_by_id)
    related = [opds_by_id[opd_id] for opd_id in entry.get("related_opd_ids", [])]
    service = ServicePage.objects.filter(slug=entry["id"]).first()
    if service is None:
        service = ServicePage(slug=entry["id"], **values)
        service.related_opds = related
        publish_new_child(parent, service)
        report.count("service", True)
        return service
    values = drop_unchanged_streams(service, values)
    current_related = sorted(opd.pk for opd in service.related_opds.all())
    related_changed = current_related != sorted(opd.pk for opd in related)
    if related_changed:
        service.related_opds = related
    if update_and_publish(service, values, force=related_changed):
        report.count("service", False)
    return service


@transaction.atomic
def bootstrap(seed: SeedData) -> BootstrapReport:
    """Write ``seed`` into the database in one transaction and report what changed."""
    report = BootstrapReport()
    kecamatan_by_code = load_regions(seed, report)
    directory = ensure_directory(report)
    ensure_coordinator_group(report)
    opds_by_id = {}
    for entry in seed.opds:
        opd = ensure_opd(directory, entry, kecamatan_by_code, report)
        collection = ensure_collection(opd, report)
        editors, moderators = ensure_groups(opd, collection, report)
        ensure_workflow(opd, moderators, report)
        opds_by_id[entry["id"]] = opd
    for entry in seed.services:
        ensure_service(entry, opds_by_id, report)
    logger.info(
        "bootstrap finished created=%s updated=%s", report.created, report.updated
    )
    return report
