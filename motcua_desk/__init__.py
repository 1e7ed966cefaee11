"""motcua-desk: the counter application of a Vietnamese one-stop public-service desk."""

__version__ = "0.1.0"
