"""Extra CLI commands, one module per concern.

Each module here defines click commands and lists them in a module-level `COMMANDS` list;
`register()` adds every one to the `dyad` group, so a new command needs no edit elsewhere.
"""
from __future__ import annotations

import importlib
import pkgutil

import click


def register(group: click.Group) -> None:
    for mod in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{mod.name}")
        for cmd in getattr(module, "COMMANDS", []):
            group.add_command(cmd)
