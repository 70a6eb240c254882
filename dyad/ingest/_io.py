"""Opening inputs: decompression (gzip, bzip2, zstd) by suffix or magic bytes, format detection,
directory expansion, and line reading with a length limit."""
from __future__ import annotations

import bz2
import gzip
import io
import os
import sys
from pathlib import Path
from typing import IO, Iterator

STDIN = "-"
STDIN_NAME = "<stdin>"

COMPRESSION_SUFFIXES = {".gz": "gzip", ".bz2": "bzip2", ".zst": "zstd", ".zstd": "zstd"}
_MAGIC = ((b"\x1f\x8b", "gzip"), (b"BZh", "bzip2"), (b"\x28\xb5\x2f\xfd", "zstd"))

JSONL_SUFFIXES = (".jsonl", ".json", ".ndjson")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
FEED_SUFFIXES = (".rss", ".atom", ".rdf", ".xml")
TEXT_SUFFIXES = (".txt", ".text")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")

FORMATS = ("jsonl", "warc", "html", "feed", "text")
SNIFF_BYTES = 4096
PLAIN_SUFFIXES = {".jsonl", ".json", ".ndjson", ".txt", ".html", ".htm", ".xml", ".rss", ".atom"}


def compression_of(path: str) -> str | None:
    """gzip/bzip2/zstd from the file's suffix, else from its first bytes; None when plain."""
    suffix = Path(path).suffix.lower()
    if suffix in COMPRESSION_SUFFIXES:
        return COMPRESSION_SUFFIXES[suffix]
    if suffix in PLAIN_SUFFIXES:
        return None  # a .jsonl file is read as lines even if its first bytes look like a magic number
    try:
        with open(path, "rb") as fh:
            head = fh.read(4)
    except OSError:
        return None
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    return None


def open_binary(path: str) -> IO[bytes]:
    """Open a file (or "-" for stdin) for reading bytes, decompressing gzip, bzip2 and zstd."""
    if path == STDIN:
        buf = getattr(sys.stdin, "buffer", None)
        if buf is not None:
            return buf
        return _TextAsBytes(sys.stdin)  # type: ignore[return-value]
    kind = compression_of(path)
    if kind == "gzip":
        return gzip.open(path, "rb")
    if kind == "bzip2":
        return bz2.open(path, "rb")
    if kind == "zstd":
        return io.BufferedReader(_ZstdReader(open(path, "rb")))
    return open(path, "rb")


class _ZstdReader(io.RawIOBase):
    """Decompresses a zstd file frame after frame; raises EOFError when the file ends inside a frame
    (zstandard's own stream_reader ends quietly there, hiding a truncated file)."""

    CHUNK = 1 << 16

    def __init__(self, raw: IO[bytes]):
        import zstandard

        self._zstd = zstandard
        self._raw = raw
        self._dobj = zstandard.ZstdDecompressor().decompressobj()
        self._buf = b""
        self._in_frame = False

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[override]
        while not self._buf:
            data = self._raw.read(self.CHUNK)
            if not data:
                if self._in_frame:
                    raise EOFError("zstd file ended before the end of its frame (truncated?)")
                return 0
            while data:
                self._in_frame = True
                self._buf += self._dobj.decompress(data)
                data = b""
                if self._dobj.eof:  # frame finished: the rest starts another frame
                    data = self._dobj.unused_data
                    self._dobj = self._zstd.ZstdDecompressor().decompressobj()
                    self._in_frame = False
        n = min(len(b), len(self._buf))
        b[:n] = self._buf[:n]
        self._buf = self._buf[n:]
        return n

    def close(self) -> None:
        self._raw.close()
        super().close()


class _TextAsBytes:
    """stdin replaced by a text stream (tests, notebooks), re-encoded."""

    def __init__(self, stream: IO[str]):
        self._stream = stream

    def readline(self, limit: int = -1) -> bytes:
        return self._stream.readline(limit).encode("utf-8", errors="surrogateescape")

    def read(self, n: int = -1) -> bytes:
        return self._stream.read(n).encode("utf-8", errors="surrogateescape")

    def close(self) -> None:  # never close the real stdin
        pass


def read_lines(fh: IO[bytes], limit: int) -> Iterator[bytes | None]:
    """Yield each line (with its newline); None for a line longer than `limit` bytes, which is
    skipped without ever holding more than `limit` bytes of it in memory."""
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # drain the rest of the long line
                line = fh.readline(1 << 20)
            yield None
            continue
        yield line


def detect_format(path: str) -> str:
    """One of FORMATS: by suffix (after a compression suffix), else by sniffing the content."""
    if path == STDIN:
        return "jsonl"
    name = Path(path).name.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    base = name
    for suffix in COMPRESSION_SUFFIXES:
        if base.endswith(suffix):
            base = base[: -len(suffix)]
            break
    for fmt, suffixes in (("jsonl", JSONL_SUFFIXES), ("html", HTML_SUFFIXES), ("feed", FEED_SUFFIXES),
                          ("text", TEXT_SUFFIXES)):
        if base.endswith(suffixes):
            return fmt
    return sniff_format(path)


def sniff_format(path: str) -> str:
    """Guess the format from the first bytes (decompressed); "text" when nothing matches."""
    try:
        fh = open_binary(path)
        try:
            head = fh.read(SNIFF_BYTES)
        finally:
            fh.close()
    except Exception:  # unreadable or corrupt: the text reader reports why
        return "text"
    if head.startswith(b"WARC/"):
        return "warc"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"{"):
        return "jsonl"
    if b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start:
        return "feed"
    if start.startswith((b"<!doctype html", b"<html")) or b"<body" in start:
        return "html"
    return "text"


def expand_paths(paths: list[str]) -> Iterator[str]:
    """Files named, with each directory replaced by the files under it (recursively, sorted,
    hidden files and directories skipped)."""
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            root = Path(path)
            found = []
            for dirpath, dirnames, filenames in os.walk(root):
                dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                found += [os.path.join(dirpath, f) for f in filenames if not f.startswith(".")]
            yield from sorted(found, key=lambda p: Path(p).relative_to(root).parts)
        else:
            yield path
