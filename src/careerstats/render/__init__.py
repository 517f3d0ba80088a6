"""Renderers: the same result objects as Rich tables for people, JSON and CSV for programs."""
