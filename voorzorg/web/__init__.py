"""The web side: `voorzorg serve` runs Datasette with voorzorg's own plugin."""
