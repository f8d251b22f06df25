"""Pillar 2 at national level (Wood recs 21-28): the independent national body's repository of learning,
its coding against a common category scheme, pattern detection, national serious case inquiries, the
reviewer register and the national body's own reports. Each part is its own Django app in this package."""
