"""Every change to a national inquiry is one function here: check permission, change inside a
transaction, audit, then side effects once committed. Views, commands and the demo call them."""
