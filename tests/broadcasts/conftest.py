"""Fixtures for broadcast tests."""

from __future__ import annotations

import pytest
from tests.factories.broadcasts import ScriptedSender


@pytest.fixture
def sender() -> ScriptedSender:
    """A sender that delivers everything unless scripted otherwise."""
    return ScriptedSender()
