"""The top of the house: the application assembly (API + site) and the `lgnet` command."""
