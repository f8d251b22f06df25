"""Who a sign-in attempt (and an API request) is counted against: the email address, and the client's address."""

import ipaddress

from django.conf import settings


def username_for_lockout(request, credentials):
    """The email address a sign-in attempt used, lower-cased so that 'A@x' and 'a@x' share a lockout."""
    source = credentials if credentials else getattr(request, "POST", {})
    return (source.get("username") or "").strip().lower() or None


def _address(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(address, networks):
    return address is not None and any(address in network for network in networks)


def client_ip_address(request):
    """The client's IP address: REMOTE_ADDR, unless that is one of settings.TRUSTED_PROXIES.

    Behind trusted proxies, X-Forwarded-For is read from the right (each proxy appends the address it
    saw) and the first address that is not itself a trusted proxy is the client. Addresses further left
    were written by the client and are never believed.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    networks = settings.TRUSTED_PROXIES
    if not networks or not _trusted(_address(remote), networks):
        return remote
    hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:
            return remote  # a garbled header: count the proxy itself, never a made-up key
        if not _trusted(address, networks):
            return str(address)
    return remote
