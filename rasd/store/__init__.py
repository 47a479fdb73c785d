"""rasd.store."""
