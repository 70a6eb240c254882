"""Reading articles: JSONL (plain or gzipped), stdin and plain-text files."""
from dyad.ingest.readers import article_from_dict, parse_published, read_articles

__all__ = ["read_articles", "parse_published", "article_from_dict"]
