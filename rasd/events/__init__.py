"""rasd.events."""
