"""Keep each page's owning OPD in step with the tree when pages move."""

import logging

from django.dispatch import receiver
from wagtail.signals import post_page_move

from .models import BekasiPage, OPDPage

logger = logging.getLogger(__name__)


def concrete_bekasi_page_models() -> list[type[BekasiPage]]:
    from django.apps import apps

    return [
        model
        for model in apps.get_models()
        if issubclass(model, BekasiPage) and not model._meta.abstract
    ]


@receiver(post_page_move)
def update_owning_opd_after_move(sender, instance, **kwargs):
    """Point the moved page and every descendant at the OPD above their new place."""
    page = instance.specific
    if isinstance(page, OPDPage):
        return
    new_opd = page.find_owning_opd() if isinstance(page, BekasiPage) else None
    for model in concrete_bekasi_page_models():
        if issubclass(model, OPDPage):
            continue
        model.objects.filter(path__startswith=instance.path).update(opd=new_opd)
    logger.info(
        "page moved page_id=%s new_opd_id=%s",
        instance.pk,
        new_opd.pk if new_opd else None,
    )
