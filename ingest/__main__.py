"""``python -m wres.ingest`` runs the same CLI as ``wres``."""

from wres.ingest.cli import app

app(prog_name="wres")
