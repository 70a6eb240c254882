"""Event dates: resolve the date a sentence gives against the article's publication date."""
from dyad.dates.resolve import ResolvedDate, resolve_event_date

__all__ = ["ResolvedDate", "resolve_event_date"]
