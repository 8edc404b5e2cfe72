from django.apps import AppConfig


class GraphqlApiConfig(AppConfig):
    name = "graphql_api"
    verbose_name = "GraphQL API"

    def ready(self) -> None:
        from .signals import connect_signals

        connect_signals()
