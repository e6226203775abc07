"""The public JSON API (``views``): documents and columns with their catalogue metadata."""
