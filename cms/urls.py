from django.conf import settings
from django.conf.urls.static import static
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from opd_pages.admin_urls import admin_override_urlpatterns

# The OPD overrides of single admin views come first so that they win over
# Wagtail's pattern for the same path.
urlpatterns = admin_override_urlpatterns + [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("graphql_api.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# The reference client takes "/" and "/client/"; Wagtail's page serving stays
# last because it matches every remaining path.
urlpatterns += [
    path("", include("frontend_contract.urls")),
    path("", include(wagtail_urls)),
]
