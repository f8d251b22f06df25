"""The national analysis: pure functions from a queryset of MortalityRecord (and the reference
populations) to rows of figures with confidence limits, computed with safeguarding.stats."""
