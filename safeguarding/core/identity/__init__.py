"""Children's identity: the one place a child's identifying details are held, encrypted, behind a pseudonym."""
