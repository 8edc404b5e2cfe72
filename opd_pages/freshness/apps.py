from django.apps import AppConfig


class FreshnessConfig(AppConfig):
    name = "opd_pages.freshness"
    label = "freshness"
    verbose_name = "Kemutakhiran informasi"
    default_auto_field = "django.db.models.BigAutoField"
