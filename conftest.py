"""Fixtures shared by every app's tests. App-specific fixtures live next to the app's tests."""
