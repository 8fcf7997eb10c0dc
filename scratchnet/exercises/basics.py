"""Checks for the exercises of notebooks 01-03 (graphs, shopping, activation layers)."""
