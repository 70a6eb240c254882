"""Dask execution: `dyad ingest --dask` codes partitions on Dask workers and merges their Parquet
parts into the store (dyad/dist/run.py). Needs the `dask` extra: `pip install 'dyad[dask]'`."""
from dyad.dist.run import DEFAULT_PARTITION_SIZE, DaskReport, PipelinePlugin, code_partition, connect, ingest_dask

__all__ = ["DEFAULT_PARTITION_SIZE", "DaskReport", "PipelinePlugin", "code_partition", "connect", "ingest_dask"]
