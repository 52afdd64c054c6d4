"""Themes in the REST API under /api/v1/themes/ (routed by api_themes_urls.py), read-only.

The same rules as the pages (theme_selectors): only the themes the caller may see; a theme outside
them is a 404. Raw signals are not listed here; counts are the theme's total. Every operation needs
a logged-in caller (a token or a session).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.parsers import JSONParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from verkosto.api.fields import parse_ref
from verkosto.api.pagination import ApiPagination, paginated_response, queryset_loader
from verkosto.api.schema import error_responses

from . import theme_selectors
from .models import TextLanguage, Theme

UUID_PARAMETER = OpenApiParameter(
    "uuid", {"type": "string", "format": "uuid"}, OpenApiParameter.PATH, description="The theme's UUID."
)


class ThemeSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(read_only=True)
    label = serializers.CharField(read_only=True, help_text="The coordinators' name, or the keywords.")
    custom_label = serializers.CharField(
        read_only=True, help_text="The name a coordinator gave; empty if none."
    )
    keywords = serializers.ListField(
        child=serializers.CharField(),
        read_only=True,
        help_text="Base-form keywords, most characteristic first.",
    )
    summary = serializers.CharField(read_only=True)
    region = serializers.SerializerMethodField(help_text="The region's code; null for a national theme.")
    language = serializers.ChoiceField(choices=TextLanguage.choices, read_only=True)
    status = serializers.ChoiceField(choices=Theme.Status.choices, read_only=True)
    is_published = serializers.BooleanField(read_only=True)
    is_manual = serializers.BooleanField(read_only=True, help_text="Made by a coordinator (a split).")
    merged_into = serializers.SerializerMethodField(help_text="UUID of the theme this one was merged into.")
    signal_count = serializers.IntegerField(read_only=True)
    first_observed_on = serializers.DateField(read_only=True, allow_null=True)
    last_observed_on = serializers.DateField(read_only=True, allow_null=True)

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_region(self, theme: Theme) -> str | None:
        return theme.region.code if theme.region_id else None  # type: ignore[union-attr]

    @extend_schema_field(serializers.UUIDField(allow_null=True))
    def get_merged_into(self, theme: Theme) -> str | None:
        return str(theme.merged_into.uuid) if theme.merged_into_id else None  # type: ignore[union-attr]


class ThemeParameters(serializers.Serializer):
    scope = serializers.RegexField(
        r"^(national|[Mm][Kk][0-9]{2})$",
        required=False,
        default="",
        help_text='"national", or a region\'s code (e.g. "MK18"); all levels if left out.',
        error_messages={"invalid": _('Give "national" or a region code such as MK18.')},
    )
    language = serializers.ChoiceField(choices=TextLanguage.choices, required=False, default="")
    status = serializers.ChoiceField(
        choices=Theme.Status.choices,
        required=False,
        default="",
        help_text="Merged themes are listed only when asked for.",
    )


@extend_schema_view(
    list=extend_schema(
        summary="Themes",
        description="The themes of signals the caller may see (published ones; coordinators also "
        "those of their regions and the national ones), most signals first.",
        parameters=[ThemeParameters],
        responses={200: ThemeSerializer(many=True), **error_responses(400, 401, 404)},
    ),
    retrieve=extend_schema(
        summary="A theme",
        description="404 for a theme the caller may not see.",
        parameters=[UUID_PARAMETER],
        responses={200: ThemeSerializer, **error_responses(401, 404)},
    ),
)
class ThemeViewSet(viewsets.GenericViewSet):
    serializer_class = ThemeSerializer
    permission_classes = [IsAuthenticated]
    pagination_class = ApiPagination
    parser_classes = [JSONParser]
    renderer_classes = [JSONRenderer]
    lookup_field = "uuid"
    lookup_value_regex = "[^/]+"
    http_method_names = ["get", "head", "options"]

    def list(self, request: Request) -> Response:
        parameters = ThemeParameters(data=request.query_params)
        parameters.is_valid(raise_exception=True)
        themes = theme_selectors.theme_list(user=request.user, **parameters.validated_data).select_related(
            "merged_into"
        )
        return paginated_response(
            request, queryset_loader(themes), lambda items: ThemeSerializer(items, many=True).data
        )

    def retrieve(self, request: Request, uuid: str) -> Response:
        ref = parse_ref(uuid)
        if ref is None or isinstance(ref, int):
            raise NotFound
        return Response(
            ThemeSerializer(theme_selectors.theme_get_for_view(user=request.user, theme_uuid=ref)).data
        )
