"""The browsable API documentation: Swagger UI from the drf-spectacular-sidecar package.

Every file comes from this site (/static/), nothing from a CDN, and the page has no inline
script or style (the start-up script is served by the same view at ?script).
"""

from __future__ import annotations

from drf_spectacular.views import SpectacularSwaggerSplitView


class DocsView(SpectacularSwaggerSplitView):
    template_name = "api/docs.html"
    title = "Pressearchiv Thüringen – API"
    throttle_classes = []
