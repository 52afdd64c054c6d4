"""Pages of themes (see views_themes)."""

urlpatterns: list = []
