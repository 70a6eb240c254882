"""The dashboard and HTTP API over a dyad store (`dyad serve`); needs the `web` extra: pip install 'dyad[web]'."""
