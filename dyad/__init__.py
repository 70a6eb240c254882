"""dyad: political event data from news — who did what to whom, when, where, and who said so."""
from .errors import BadRecord, ConfigError, DataFileError, DyadError, ModelNotFound, StoreLocked
from .models import Actor, Article, Event, Location, Quote, Reject
from .pipeline import ArticleResult, Pipeline, code_articles, extract_quotes
from .settings import Settings, get_settings
from .store import Store
from .ingest import read_articles

__version__ = "0.1.0"

__all__ = [
    "Actor", "Article", "ArticleResult", "BadRecord", "ConfigError", "DataFileError", "DyadError", "Event",
    "Location", "ModelNotFound", "Pipeline", "Quote", "Reject", "Settings", "Store", "StoreLocked", "code_articles",
    "extract_quotes", "get_settings", "read_articles",
]
