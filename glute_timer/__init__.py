"""Glute Timer: a talking rep-and-hold timer for glute bridges and hip thrusts."""

__version__ = "0.1.0"
APP_ID = "io.github.glutetimer.GluteTimer"
APP_NAME = "Glute Timer"
