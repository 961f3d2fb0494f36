"""Exporters: write networkx views to files for the tools people look with."""
