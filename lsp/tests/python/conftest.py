"""pytest-lsp fixtures: a client connected to the relwat-lsp binary named by $RELWAT_LSP."""

import asyncio
import os
import pathlib

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

SERVER = os.environ.get("RELWAT_LSP", "relwat-lsp")
DATA = pathlib.Path(__file__).resolve().parent.parent / "data"


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[SERVER]))
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=types.ClientCapabilities())
    )
    yield
    await lsp_client.shutdown_session()


async def wait_diagnostics(client, uri, pred=lambda d: True, timeout=20.0):
    """Waits until the diagnostics published for `uri` satisfy `pred`; returns them."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while loop.time() < end:
        d = client.diagnostics.get(uri)
        if d is not None and pred(d):
            return d
        await asyncio.sleep(0.02)
    raise AssertionError(f"no matching diagnostics for {uri}: {client.diagnostics.get(uri)}")


def open_doc(client, uri, text, version=1):
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="wat", version=version, text=text)
        )
    )


def position(text, needle, delta=0, nth=0):
    """The LSP position (UTF-16) of `needle` (its `nth` occurrence) plus `delta` characters."""
    i = -1
    for _ in range(nth + 1):
        i = text.index(needle, i + 1)
    i += delta
    before = text[:i]
    line = before.count("\n")
    col = len(before.rsplit("\n", 1)[-1].encode("utf-16-le")) // 2
    return types.Position(line=line, character=col)
