"""Domain records."""
