from django.apps import AppConfig


class OpdPagesConfig(AppConfig):
    name = "opd_pages"
    verbose_name = "Halaman OPD"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals  # noqa: F401
