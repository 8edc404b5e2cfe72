from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "citizen_search"
    verbose_name = "Pencarian warga"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals

        signals.connect()
