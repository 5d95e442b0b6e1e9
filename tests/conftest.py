"""Shared test fixtures: where ../shared is, skipping cleanly when it is missing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ARTICLEKIT_SHARED", PROJECT.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only ../shared folder (seed and corpora); skips the test when absent."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is missing: tests on the shared seed and corpora are skipped")
    return SHARED


@pytest.fixture(scope="session")
def seed_dir(shared_dir: Path) -> Path:
    """../shared/seed."""
    path = shared_dir / "seed"
    if not path.is_dir():
        pytest.skip(f"{path} is missing")
    return path


@pytest.fixture(scope="session")
def corpus_dir(shared_dir: Path) -> Path:
    """../shared/corpus."""
    path = shared_dir / "corpus"
    if not path.is_dir():
        pytest.skip(f"{path} is missing")
    return path
