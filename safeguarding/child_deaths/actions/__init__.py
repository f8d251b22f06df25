"""Every change to a child death case is one function here: check, change in a transaction, audit."""
