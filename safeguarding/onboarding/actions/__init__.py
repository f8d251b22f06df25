"""Every change this app makes goes through these functions: permission, rules, one transaction, audit."""
