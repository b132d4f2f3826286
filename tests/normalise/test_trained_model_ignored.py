"""The same records on every machine: an installed trained spaCy model changes nothing.

Why a real package on the path: ``spacy.load("en_core_web_sm")`` finds a model through the
installed distributions, so the test installs one (a small package with dist-info whose
lemmatizer spells every word backwards) into a folder on PYTHONPATH, proves spaCy would load
it there, and then compares the extract of every sample with and without it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import DOCS, ROOT, SAMPLES

MODEL_INIT = '''
import spacy
from spacy.language import Language


@Language.component("backwards_lemmas")
def backwards_lemmas(doc):
    for token in doc:
        token.lemma_ = token.text[::-1]
    return doc


def load(**_overrides):
    nlp = spacy.blank("en")
    nlp.add_pipe("backwards_lemmas")
    nlp.meta["name"] = "core_web_sm"
    return nlp
'''


def _install_fake_model(folder: Path) -> None:
    package = folder / "en_core_web_sm"
    package.mkdir()
    (package / "__init__.py").write_text(MODEL_INIT)
    info = folder / "en_core_web_sm-3.8.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: en_core_web_sm\nVersion: 3.8.0\n")
    (info / "top_level.txt").write_text("en_core_web_sm\n")


def _extract_all(env: dict) -> subprocess.Popen:
    command = [sys.executable, "-m", "wres.ingest", "extract", str(DOCS), "--manifest",
               str(SAMPLES / "manifest.csv"), "--format", "jsonl"]
    return subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)


def test_an_installed_trained_model_changes_no_record(tmp_path):
    _install_fake_model(tmp_path)
    with_model = {**os.environ, "PYTHONPATH": str(tmp_path)}
    probe = subprocess.run(
        [sys.executable, "-c",
         "import spacy; print(spacy.load('en_core_web_sm')('lemmas')[0].lemma_)"],
        env=with_model, capture_output=True, text=True, check=True)
    assert probe.stdout.strip() == "sammel", "the fake model is not what spacy.load finds"

    plain, modelled = _extract_all(dict(os.environ)), _extract_all(with_model)
    plain_out, _ = plain.communicate(timeout=500)
    modelled_out, _ = modelled.communicate(timeout=500)
    assert plain_out.count("\n") > 600
    assert modelled_out == plain_out
