from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "verkosto.demo"
    label = "demo"
    verbose_name = "Demo"
