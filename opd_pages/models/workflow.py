"""The approval task of every OPD's workflow: group approval with four eyes."""

from __future__ import annotations

import logging

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from wagtail.models import GroupApprovalTask

logger = logging.getLogger(__name__)

OWN_SUBMISSION_MESSAGE = (
    "Anda tidak dapat menyetujui kiriman Anda sendiri: moderator lain di grup "
    "ini harus memeriksanya (prinsip empat mata)."
)


class FourEyesApprovalTask(GroupApprovalTask):
    """Group approval in which the user who submitted the workflow cannot approve it.

    The submitter may still request changes. When no other active member of
    the task's groups exists, the submitter may approve, so an OPD with one
    moderator is not stuck. A moderator can still publish directly with the
    publish permission, which bypasses the workflow altogether.
    """

    class Meta:
        proxy = True
        verbose_name = "Persetujuan empat mata"
        verbose_name_plural = "Persetujuan empat mata"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.pk:
            # Wagtail stores the concrete model's content type, which would
            # make ``Task.specific`` return a plain GroupApprovalTask.
            self.content_type = ContentType.objects.get_for_model(
                self, for_concrete_model=False
            )

    def other_reviewer_exists(self, user) -> bool:
        return (
            get_user_model()
            .objects.filter(is_active=True, groups__in=self.groups.all())
            .exclude(pk=user.pk)
            .exists()
        )

    def approval_forbidden(self, workflow_state, user) -> bool:
        """Return whether ``user`` submitted ``workflow_state`` and another reviewer exists."""
        if workflow_state is None or workflow_state.requested_by_id != user.pk:
            return False
        return self.other_reviewer_exists(user)

    def get_actions(self, obj, user):
        # TODO: Wagtail 8.0's workflow action view checks these actions before
        # on_action runs, so a submitter who posts to the approve URL gets
        # Wagtail's generic "no permission" message, not OWN_SUBMISSION_MESSAGE.
        actions = super().get_actions(obj, user)
        if actions and self.approval_forbidden(
            getattr(obj, "current_workflow_state", None), user
        ):
            return [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve" and self.approval_forbidden(
            task_state.workflow_state, user
        ):
            logger.info(
                "own approval rejected task_state_id=%s user_id=%s",
                task_state.pk,
                user.pk,
            )
            raise PermissionDenied(OWN_SUBMISSION_MESSAGE)
        return super().on_action(task_state, user, action_name, **kwargs)
