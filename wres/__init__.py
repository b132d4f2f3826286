"""wres-plans: read NHS WRES action plans and compare them across trusts.

The code lives in the top-level folders the design card names (schema/, extractors/,
normalise/, db/, ingest/); pyproject.toml maps them to ``wres.<name>`` so that generic
names such as ``db`` or ``schema`` never clash with other installed packages.
"""

__version__ = "0.1.0"
