"""The phone remote: a small web server for the running workout, for both faces.

No Qt here (the terminal run has no event loop): the standard library's
``ThreadingHTTPServer`` on threads of its own, live updates as server-sent events, and
commands handed to the workout through :meth:`glute_timer.workout.Workout.post`.

- :mod:`glute_timer.remote.address`: ``[HOST:]PORT`` and the address a bare port binds to.
- :mod:`glute_timer.remote.server`: the server, its fixed routes and the token rules.
- :mod:`glute_timer.remote.link`: one workout's server, fed by the workout it serves.
"""
