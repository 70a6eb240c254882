"""DuckDB storage of dyad output."""
from dyad.store.duck import SCHEMA_VERSION, Store, actor_id

__all__ = ["Store", "SCHEMA_VERSION", "actor_id"]
