"""Every change to a serious incident case: one function per change, called by pages, API and commands."""
