"""What a Chroma exception means at the store's boundary (lgnet/store.py): a collection that does not exist, or a
server that cannot be reached. Read through the exception's whole cause chain, embedded and over HTTP alike."""

from __future__ import annotations

from collections.abc import Iterator


def is_missing(exc: BaseException) -> bool:
    """Chroma's "collection does not exist": a NotFoundError, embedded and over HTTP alike (chromadb 1.5)."""
    from chromadb.errors import NotFoundError

    return any(isinstance(e, NotFoundError) for e in _chain(exc))


def is_connection_error(exc: Exception) -> bool:
    """The server cannot be reached: a transport error of Chroma's HTTP client (httpx) or of the socket, in
    the exception or anything that caused it. Errors the server answered with are not connection errors."""
    import httpx

    return any(isinstance(e, (httpx.TransportError, ConnectionError, TimeoutError)) for e in _chain(exc))


def _chain(exc: BaseException | None) -> Iterator[BaseException]:
    while exc is not None:
        yield exc
        exc = exc.__cause__ or exc.__context__
