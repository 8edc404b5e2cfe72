"""Routes of the public APIs: GraphQL and Wagtail's REST API v2."""

from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from .rest import rest_api_router
from .schema import schema
from .views import PublicGraphQLView

urlpatterns = [
    path(
        "graphql/",
        # Public, cookie-less clients post queries from other origins. The
        # one mutation, reportOutdated, is anonymous and ignores the session,
        # so a forged cross-site request can do nothing a direct one cannot.
        csrf_exempt(PublicGraphQLView.as_view(schema=schema)),
        name="graphql",
    ),
    path("api/v2/", rest_api_router.urls),
]
