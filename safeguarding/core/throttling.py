def username_for_lockout(request, credentials):
    """The email address a sign-in attempt used, lower-cased so that 'A@x' and 'a@x' share a lockout."""
    source = credentials if credentials else getattr(request, "POST", {})
    return (source.get("username") or "").strip().lower() or None
