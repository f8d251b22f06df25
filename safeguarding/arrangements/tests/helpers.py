from safeguarding.arrangements.actions import publication
from safeguarding.arrangements.factories import complete_draft


def published_version(partners, *, text="The partners agree this section."):
    draft = complete_draft(partners.administrator, partners.area, text=text)
    for lco in partners.chief_officers:
        publication.sign_off(lco, draft)
    return publication.publish(partners.administrator, draft)
