"""Links to a report's repository page, resolved once and filled with each reference."""

from django.urls import reverse

from safeguarding.learning.intelligence.templatetags.intelligence import entry_url


def test_each_reference_gets_the_address_reverse_would_give():
    for reference in ("LR-2019-0001", "NATIONAL-3", "A B?&C"):
        assert entry_url(reference) == reverse("repository:entry", kwargs={"reference": reference})
