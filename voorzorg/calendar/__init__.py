"""Calendars: feed rendering, time zones, subscription tokens, static publishing."""
