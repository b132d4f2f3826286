"""Imported by the forkserver that starts batch workers: a warm, frozen parent for them.

Why a module whose import does work: ``multiprocessing`` lets a forkserver preload modules
by name and nothing else. Importing this one loads what reading files needs (the PDF and
Word engines, the word list) once, then freezes the garbage collector so that workers
forked from it do not touch, and so copy, every object it holds. spaCy is left out: only
the batch's normaliser needs it, and loads it as it starts
(``pipeline.warm_up_normalising``), while the readers are already at work, instead of every
worker waiting a second for it here.
"""

from __future__ import annotations

import gc

from wres.ingest import job as _job  # noqa: F401 - the workers' entry point, unpickled by name
from wres.ingest.pipeline import warm_up_extraction

warm_up_extraction()
gc.collect()
gc.freeze()
