"""Only the OPD's moderators approve, never their own submission when another
moderator exists; scheduling needs approval, approvals are logged."""

from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.locks import ScheduledForPublishLock
from wagtail.models import (
    GroupApprovalTask,
    PageLogEntry,
    Task,
    TaskState,
    WorkflowState,
)

from opd_pages.models import FourEyesApprovalTask, StandardPage

from .conftest import add_draft, client_for, make_user, standard_page_form

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def local_datetime(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


@pytest.fixture
def submitted(editor, capil_draft):
    """The editor's draft, submitted for moderation through the edit view."""
    client_for(editor).post(
        edit_url(capil_draft),
        standard_page_form(
            capil_draft.title, capil_draft.slug, **{"action-submit": "1"}
        ),
    )
    return capil_draft


def task_state_of(page) -> TaskState:
    state = WorkflowState.objects.get(
        object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    )
    return state.current_task_state


def approve_url(page, task_state):
    return reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", task_state.pk],
    )


def assert_still_pending(page):
    page.refresh_from_db()
    assert not page.live
    assert task_state_of(page).status == TaskState.STATUS_IN_PROGRESS


def test_editor_cannot_approve_by_direct_url(editor, submitted):
    task_state = task_state_of(submitted)
    response = client_for(editor).post(approve_url(submitted, task_state), {})
    assert response.status_code in (302, 403)
    assert_still_pending(submitted)


def test_editor_cannot_approve_from_edit_view(editor, submitted):
    data = standard_page_form(
        submitted.title,
        submitted.slug,
        **{"action-workflow-action": "1", "workflow-action-name": "approve"},
    )
    client_for(editor).post(edit_url(submitted), data)
    assert_still_pending(submitted)


def test_editor_dashboard_offers_no_approval(editor, submitted):
    task_state = task_state_of(submitted)
    response = client_for(editor).get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert approve_url(submitted, task_state) not in response.content.decode()


def test_editor_cannot_bulk_publish(editor, submitted):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    client_for(editor).post(f"{url}?id={submitted.pk}", {})
    assert_still_pending(submitted)


def test_other_opd_moderator_cannot_approve(dinkes_moderator, submitted):
    task_state = task_state_of(submitted)
    client_for(dinkes_moderator).post(approve_url(submitted, task_state), {})
    assert_still_pending(submitted)


def test_moderator_dashboard_offers_approval(moderator, submitted):
    task_state = task_state_of(submitted)
    response = client_for(moderator).get(reverse("wagtailadmin_home"))
    assert approve_url(submitted, task_state) in response.content.decode()


def test_moderator_approval_publishes_and_logs(moderator, submitted):
    task_state = task_state_of(submitted)
    response = client_for(moderator).post(
        approve_url(submitted, task_state), {"comment": "Sudah diperiksa."}
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.live

    approvals = PageLogEntry.objects.filter(
        page=submitted, action="wagtail.workflow.approve"
    )
    assert approvals.count() == 1
    assert approvals.get().user == moderator
    assert PageLogEntry.objects.filter(
        page=submitted, action="wagtail.publish", user=moderator
    ).exists()
    assert PageLogEntry.objects.filter(
        page=submitted, action="wagtail.workflow.start"
    ).exists()


def test_editor_go_live_date_does_not_publish(editor, capil_draft):
    past = timezone.now() - timedelta(hours=1)
    client_for(editor).post(
        edit_url(capil_draft),
        standard_page_form(
            capil_draft.title, capil_draft.slug, go_live_at=local_datetime(past)
        ),
    )
    assert not capil_draft.revisions.filter(approved_go_live_at__isnull=False).exists()

    call_command("publish_scheduled")

    capil_draft.refresh_from_db()
    assert not capil_draft.live


def test_scheduled_publish_uses_approved_revision(editor, moderator, capil_draft):
    editor_client = client_for(editor)
    future = timezone.now() + timedelta(days=1)
    editor_client.post(
        edit_url(capil_draft),
        standard_page_form(
            "Judul disetujui",
            capil_draft.slug,
            go_live_at=local_datetime(future),
            **{"action-submit": "1"},
        ),
    )
    task_state = task_state_of(capil_draft)
    client_for(moderator).post(approve_url(capil_draft, task_state), {})
    assert capil_draft.revisions.filter(approved_go_live_at__isnull=False).exists()
    capil_draft.refresh_from_db()
    assert not capil_draft.live

    # Wagtail locks a page scheduled for publishing, so the editor cannot slip
    # an unapproved change into the approved revision.
    assert isinstance(capil_draft.get_lock(), ScheduledForPublishLock)
    editor_client.post(
        edit_url(capil_draft),
        standard_page_form(
            "Judul belum disetujui", capil_draft.slug, go_live_at=local_datetime(future)
        ),
    )
    # Run the scheduler as if the approved go-live time had passed.
    later = future + timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")

    capil_draft.refresh_from_db()
    assert capil_draft.live
    assert capil_draft.title == "Judul disetujui"
    assert not capil_draft.revisions.filter(
        content__title="Judul belum disetujui"
    ).exists()
    assert PageLogEntry.objects.filter(
        page=capil_draft, action="wagtail.publish.scheduled"
    ).exists()


def test_moderator_rejection_is_logged(moderator, submitted):
    task_state = task_state_of(submitted)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[submitted.pk, "reject", task_state.pk],
    )
    client_for(moderator).post(url, {"comment": "Lengkapi persyaratan."})
    submitted.refresh_from_db()
    assert not submitted.live
    rejection = PageLogEntry.objects.get(
        page=submitted, action="wagtail.workflow.reject"
    )
    assert rejection.user == moderator


@pytest.fixture
def second_moderator(db):
    return make_user("moderator-capil-dua", "Moderator Disdukcapil")


@pytest.fixture
def moderator_submitted(moderator, second_moderator, disdukcapil):
    """A draft the moderator wrote and submitted, with a second moderator in the group."""
    page = add_draft(
        disdukcapil, StandardPage(title="Draf moderator", slug="draf-moderator")
    )
    client_for(moderator).post(
        edit_url(page),
        standard_page_form(page.title, page.slug, **{"action-submit": "1"}),
    )
    assert task_state_of(page).status == TaskState.STATUS_IN_PROGRESS
    return page


def test_opd_workflows_use_four_eyes_task(disdukcapil):
    task = disdukcapil.get_workflow().tasks.get().specific
    assert isinstance(task, FourEyesApprovalTask)


def test_submitter_cannot_approve_by_direct_url(moderator, moderator_submitted):
    task_state = task_state_of(moderator_submitted)
    response = client_for(moderator).post(
        approve_url(moderator_submitted, task_state), {}
    )
    assert response.status_code in (302, 403)
    assert_still_pending(moderator_submitted)
    assert not PageLogEntry.objects.filter(
        page=moderator_submitted, action="wagtail.workflow.approve"
    ).exists()


def test_submitter_cannot_approve_from_edit_view(moderator, moderator_submitted):
    data = standard_page_form(
        moderator_submitted.title,
        moderator_submitted.slug,
        **{"action-workflow-action": "1", "workflow-action-name": "approve"},
    )
    client_for(moderator).post(edit_url(moderator_submitted), data)
    assert_still_pending(moderator_submitted)


def test_submitter_dashboard_offers_no_approval(moderator, moderator_submitted):
    task_state = task_state_of(moderator_submitted)
    response = client_for(moderator).get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    url = approve_url(moderator_submitted, task_state)
    assert url not in response.content.decode()


def test_submitter_task_rejects_own_approval(moderator, moderator_submitted):
    task_state = task_state_of(moderator_submitted)
    with pytest.raises(PermissionDenied, match="kiriman Anda sendiri"):
        task_state.task.specific.on_action(task_state, moderator, "approve")
    assert_still_pending(moderator_submitted)


def test_submitter_may_still_request_changes(moderator, moderator_submitted):
    actions = task_state_of(moderator_submitted).task.specific.get_actions(
        moderator_submitted, moderator
    )
    assert [name for name, _, _ in actions] == ["reject"]


def test_other_moderator_approves_submission(second_moderator, moderator_submitted):
    task_state = task_state_of(moderator_submitted)
    response = client_for(second_moderator).post(
        approve_url(moderator_submitted, task_state), {}
    )
    assert response.status_code == 302
    moderator_submitted.refresh_from_db()
    assert moderator_submitted.live
    approval = PageLogEntry.objects.get(
        page=moderator_submitted, action="wagtail.workflow.approve"
    )
    assert approval.user == second_moderator


def test_sole_moderator_approves_own_submission(moderator, disdukcapil):
    page = add_draft(disdukcapil, StandardPage(title="Draf tunggal", slug="tunggal"))
    client = client_for(moderator)
    client.post(
        edit_url(page),
        standard_page_form(page.title, page.slug, **{"action-submit": "1"}),
    )
    response = client.post(approve_url(page, task_state_of(page)), {})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live


def test_bootstrap_upgrades_plain_approval_task(disdukcapil, capsys):
    task = disdukcapil.get_workflow().tasks.get()
    plain = ContentType.objects.get_for_model(GroupApprovalTask)
    Task.objects.filter(pk=task.pk).update(content_type=plain)

    call_command("bootstrap")
    task = Task.objects.get(pk=task.pk)
    assert isinstance(task.specific, FourEyesApprovalTask)
    assert "updated {'workflow': 1}" in capsys.readouterr().out

    call_command("bootstrap")
    assert "already up to date" in capsys.readouterr().out
