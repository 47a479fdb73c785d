"""rasd.nlp."""
