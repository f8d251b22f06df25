"""Coding findings against the common category scheme, with suggestions from the text."""
