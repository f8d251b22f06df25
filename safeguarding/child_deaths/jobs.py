"""The Splink batch over all open death notifications as a long job, started from the linkage page."""

from django.core.exceptions import PermissionDenied

from .actions.linkage_batch import propose_links_in_batch


def batch_linkage_job(run, progress):
    """As the person who asked; running twice proposes nothing new the second time."""
    user = run.requested_by
    if user is None or not user.has_perm("child_deaths.run_batch_linkage"):
        raise PermissionDenied("The person who asked for this comparison may no longer run it.")
    return propose_links_in_batch(user, progress=progress).counts()
