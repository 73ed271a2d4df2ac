"""A deployment: config, secrets, circles, web accounts in the instance database."""
