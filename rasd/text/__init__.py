"""rasd.text."""
