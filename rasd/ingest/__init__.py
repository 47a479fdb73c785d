"""rasd.ingest."""
