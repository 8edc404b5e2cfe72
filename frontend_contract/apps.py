from django.apps import AppConfig


class FrontendContractConfig(AppConfig):
    name = "frontend_contract"
    verbose_name = "Frontend contract"
