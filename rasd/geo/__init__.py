"""rasd.geo."""
