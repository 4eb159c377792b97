"""The pure-Python core: protocols, plans, the session state machine, history and settings.

Nothing under this package imports Qt; a test enforces it.
"""
