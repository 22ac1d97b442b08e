"""Scripts that print performance figures (`make bench`); timing.py is what they share. Never run by pytest."""
