from django.apps import AppConfig


class FreshnessConfig(AppConfig):
    name = "opd_pages.freshness"
    label = "freshness"
    verbose_name = "Kemutakhiran informasi"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from graphql_api.views import bump_content_generation

        from .models import UpdatePolicy

        def drop_cached_responses(sender, **kwargs):
            # A policy change moves due dates that GraphQL responses show.
            bump_content_generation()

        for signal in (post_save, post_delete):
            signal.connect(
                drop_cached_responses,
                sender=UpdatePolicy,
                dispatch_uid=f"freshness.policy_changed.{id(signal)}",
                weak=False,
            )
