"""sco: read news about the Shanghai Cooperation Organisation from a terminal.

The library is usable without the CLI::

    from sco_cli import query
    hits = query.search(index_dir, '"Paris Pact"')

`__version__` is the single source of the package version. `EXTRACTION_VERSION` changes whenever
the extractors would produce different facts from the same text; an index built by another
extraction version is stale and is rebuilt (default index) or refused (explicit --index-dir).
"""

__version__ = "0.1.0"
EXTRACTION_VERSION = 21

__all__ = ["__version__", "EXTRACTION_VERSION"]
