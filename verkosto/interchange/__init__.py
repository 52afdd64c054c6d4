"""Importers and exporters for the directory: HSDS 3.0 JSON, CSV and XLSX; one module per format."""
