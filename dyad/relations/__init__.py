"""From reports to relations: dedup of event reports, dyad time series, shift detection, plots."""
from dyad.relations.dedup import DedupOptions, dedup
from dyad.relations.series import dyad_series, events, top_dyads
from dyad.relations.shifts import Shift, detect_shifts, shifts

__all__ = ["DedupOptions", "Shift", "dedup", "detect_shifts", "dyad_series", "events", "shifts", "top_dyads"]
