"""rasd (رصد): Arabic news pages in, a source-attributed, geolocated event dataset out."""

__version__ = "0.1.0"
