"""The demo deployment: five fictional circles with two years of history."""
