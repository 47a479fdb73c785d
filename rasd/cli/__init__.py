"""rasd.cli."""
