"""Reading articles: JSONL (plain or compressed), stdin, text, HTML, WARC and RSS/Atom feeds."""
from dyad.ingest.readers import ArticleReader, article_from_dict, parse_published, read_articles

__all__ = ["read_articles", "parse_published", "article_from_dict", "ArticleReader"]
