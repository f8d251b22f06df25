"""Every change to an area's arrangements and records: one function per change, each checking
permission, changing inside a transaction and writing its audit event."""
