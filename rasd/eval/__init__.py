"""rasd.eval."""
