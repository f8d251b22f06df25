from safeguarding.core.tests.authorization import EVERYONE, expect

NATIONAL = {"national:national_analyst", "national:national_administrator"}

PAGE_MATRIX = {
    "mortality:dashboard": ("GET", expect(NATIONAL)),
    "mortality:page": ("GET", expect(NATIONAL)),
    "mortality:hazards": ("GET", expect(NATIONAL)),
    "mortality:table-csv": ("GET", expect(NATIONAL)),
}


def url_kwargs(world):
    return {
        "mortality:page": {"page": "trends"},
        "mortality:table-csv": {"table": "age-band"},
    }


__all__ = ["EVERYONE", "PAGE_MATRIX", "url_kwargs"]
