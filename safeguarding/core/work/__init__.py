"""What needs a person now: tasks derived from the state of cases and clocks, and going to a case by reference.

Each pillar app offers a task provider in its `task_providers.py` and, for its case references, a
resolver in its `reference_lookup.py`; this package finds them, merges the tasks most urgent first and
answers the header's "Go to a reference" box. Nothing here is stored: a task disappears as soon as the
state that made it changes.
"""
