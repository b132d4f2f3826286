"""Imported by the forkserver that starts batch workers: a warm, frozen parent for them.

Why a module whose import does work: ``multiprocessing`` lets a forkserver preload modules
by name and nothing else. Importing this one loads the whole pipeline (the PDF engine,
spaCy, the word list) once, then freezes the garbage collector so that workers forked from
it do not touch, and so copy, every object it holds.
"""

from __future__ import annotations

import gc

from wres.ingest import job as _job  # noqa: F401 - the workers' entry point, unpickled by name
from wres.ingest.pipeline import warm_up

warm_up()
gc.collect()
gc.freeze()
