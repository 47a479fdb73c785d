"""Package-wide promises: frozen records, coded errors, public names, picklable resources."""

from __future__ import annotations

import dataclasses
import importlib
import pickle
import pkgutil

import pytest

import rasd
import rasd.records as records
from rasd import errors
from conftest import SEED_DIR
from rasd.ingest import iter_documents
from rasd.output import result_to_dict


def _modules():
    for info in pkgutil.walk_packages(rasd.__path__, "rasd."):
        if info.name != "rasd.__main__":
            yield importlib.import_module(info.name)


@pytest.mark.parametrize("name", records.__all__)
def test_records_are_frozen_dataclasses(name):
    record = getattr(records, name)
    if dataclasses.is_dataclass(record):
        assert record.__dataclass_params__.frozen, name


def test_every_public_name_exists():
    for module in _modules():
        for name in getattr(module, "__all__", ()):
            assert hasattr(module, name), f"{module.__name__}.__all__ names a missing {name}"


def test_error_tree_and_codes():
    assert issubclass(errors.IngestError, errors.DocumentError) and issubclass(errors.CleanError, errors.DocumentError)
    for cls in (errors.UsageError, errors.DataError, errors.StoreError, errors.DocumentError):
        assert issubclass(cls, errors.RasdError)
    error = errors.IngestError("I001", "a.txt: the file is empty")
    assert error.code == "I001" and error.stage == "ingest" and "[I001]" in str(error)


def test_the_loaded_pipeline_pickles_and_reads_the_same(pipeline):
    document = next(iter_documents([str(SEED_DIR)]))
    copy = pickle.loads(pickle.dumps(pipeline))
    assert result_to_dict(copy.process(document)) == result_to_dict(pipeline.process(document))


def test_output_does_not_depend_on_the_hash_seed(tmp_path):
    import os
    import subprocess
    import sys

    from conftest import DEV_DIR, REPO

    outputs = set()
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run([sys.executable, "-m", "rasd", "extract", str(SEED_DIR), str(DEV_DIR), "--no-ner"],
                              capture_output=True, text=True, env=env, cwd=REPO, check=True)
        outputs.add(done.stdout)
    assert len(outputs) == 1
