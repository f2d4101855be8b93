"""Store errors are recognised by type at the store boundary, not by the words of their message."""

from __future__ import annotations

import httpx
import pytest

from lgnet.chroma_errors import is_connection_error


@pytest.mark.parametrize(
    "exc",
    [
        httpx.ConnectError("refused"),
        httpx.ReadTimeout("slow"),
        httpx.RemoteProtocolError("server disconnected"),
        ConnectionRefusedError(111, "refused"),
        TimeoutError(),
    ],
)
def test_transport_errors_are_connection_errors(exc):
    assert is_connection_error(exc)


def test_a_cause_counts():
    try:
        try:
            raise httpx.ConnectError("refused")
        except httpx.ConnectError as inner:
            raise RuntimeError("chroma call failed") from inner
    except RuntimeError as outer:
        assert is_connection_error(outer)


@pytest.mark.parametrize(
    "exc",
    [
        Exception("connection pool exhausted"),  # the old test by words said yes
        ValueError("Collection lgnet_chunks does not exist"),
        Exception('{"error": "InternalError"}'),
    ],
)
def test_answers_of_the_server_are_not(exc):
    assert not is_connection_error(exc)
