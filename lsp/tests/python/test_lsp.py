"""relwat-lsp through pytest-lsp: every feature, over the binary's stdio."""

import pytest
from lsprotocol import types

from conftest import DATA, open_doc, position, wait_diagnostics

FEATURES = (DATA / "features.wat").read_text()
URI = "file:///t/features.wat"


async def opened(client, uri=URI, text=FEATURES):
    open_doc(client, uri, text)
    return await wait_diagnostics(client, uri)


def doc(uri=URI):
    return types.TextDocumentIdentifier(uri=uri)


async def test_diagnostics_with_related_information_and_incremental_changes(client):
    uri = "file:///t/dup.wat"
    text = "(module\n  (func $a)\n  (func $a)\n  (func (call $nope)))\n"
    open_doc(client, uri, text)
    d = await wait_diagnostics(client, uri, lambda d: len(d) == 2)
    assert d[0].message == "duplicate function id `$a`: defined again here"
    assert d[0].range.start == types.Position(line=2, character=8)
    assert d[0].related_information[0].location.range.start == types.Position(line=1, character=8)
    assert d[0].severity == types.DiagnosticSeverity.Error
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=types.Position(line=2, character=9), end=types.Position(line=2, character=10)),
                    text="b",
                )
            ],
        )
    )
    d = await wait_diagnostics(client, uri, lambda d: len(d) == 1)
    assert d[0].message.startswith("unknown function `$nope`")
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=3),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text="(module)")],
        )
    )
    await wait_diagnostics(client, uri, lambda d: len(d) == 0)


async def test_validation_and_object_rules(client):
    uri = "file:///t/obj.wat"
    open_doc(client, uri, "(module (func i32.const 0 (@reloc sleb data $x) drop))")
    d = await wait_diagnostics(client, uri, lambda d: len(d) > 0)
    assert d[0].message.startswith("the format of this relocation is fixed (`sleb`); remove `sleb`")
    uri = "file:///t/val.wat"
    open_doc(client, uri, "(module (func (result i32)))")
    d = await wait_diagnostics(client, uri, lambda d: len(d) > 0)
    assert "type mismatch" in d[0].message


async def test_definition_references_rename(client):
    assert len(await opened(client)) == 0
    r = await client.text_document_definition_async(
        types.DefinitionParams(text_document=doc(), position=position(FEATURES, "call $twice (", 6))
    )
    assert r.range.start == position(FEATURES, "func $twice (", 5)
    r = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=doc(),
            position=position(FEATURES, "(@reloc $counter)", 9),
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    assert len(r) == 4
    r = await client.text_document_rename_async(
        types.RenameParams(text_document=doc(), position=position(FEATURES, "func $twice (", 6), new_name="double")
    )
    edits = r.changes[URI]
    assert len(edits) == 4 and all(e.new_text == "$double" for e in edits)
    # Labels and comdats are ids too.
    r = await client.text_document_definition_async(
        types.DefinitionParams(text_document=doc(), position=position(FEATURES, "$main $here", 7))
    )
    assert r.range.start == position(FEATURES, "@sym.label $here", 11)
    r = await client.text_document_definition_async(
        types.DefinitionParams(text_document=doc(), position=position(FEATURES, "(comdat $c)", 9))
    )
    assert r.range.start == position(FEATURES, "@comdat $c", 8)


async def test_hover(client):
    await opened(client)
    h = await client.text_document_hover_async(
        types.HoverParams(text_document=doc(), position=position(FEATURES, "(@reloc data $counter +8)", 3))
    )
    v = h.contents.value
    assert v.startswith(
        '`R_WASM_MEMORY_ADDR_SLEB` (4) → data symbol "counter" (global, hidden, size 4, segment ".data.counter") +8 · CODE offset 0x'
    ), v
    assert "(func $main +0x" in v
    h = await client.text_document_hover_async(
        types.HoverParams(text_document=doc(), position=position(FEATURES, "(call $puts", 7))
    )
    v = h.contents.value
    assert "call : [i32] → [i32]" in v, v
    assert 'implicit relocation: `R_WASM_FUNCTION_INDEX_LEB` (0) → function symbol "puts"' in v, v
    h = await client.text_document_hover_async(
        types.HoverParams(text_document=doc(), position=position(FEATURES, "@sym $twice_alias", 6))
    )
    assert 'function symbol "twice_public" (global, default, function 1)' in h.contents.value
    h = await client.text_document_hover_async(
        types.HoverParams(text_document=doc(), position=position(FEATURES, "i32.shl", 2))
    )
    assert "i32.shl : [i32 i32] → [i32]" in h.contents.value


async def test_symbols(client):
    await opened(client)
    r = await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=doc()))
    names = [s.name for s in r]
    assert "$main" in names and "$d" in names and "$c" in names
    data = next(s for s in r if s.name == "$d")
    assert [c.name for c in data.children][:2] == ["$counter", "$after_counter"]
    r = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query="twice"))
    assert {"twice", "twice_public"} <= {s.name for s in r}


async def test_completion(client):
    await opened(client)
    r = await client.text_document_completion_async(
        types.CompletionParams(text_document=doc(), position=position(FEATURES, "(@reloc data $counter +8)", 8))
    )
    labels = [i.label for i in r]
    assert "data" in labels and "functable" in labels and "sleb" not in labels
    r = await client.text_document_completion_async(
        types.CompletionParams(text_document=doc(), position=position(FEATURES, "data $counter +8", 5))
    )
    labels = [i.label for i in r]
    assert "$counter" in labels and "$errno" in labels and "$main" not in labels
    r = await client.text_document_completion_async(
        types.CompletionParams(text_document=doc(), position=position(FEATURES, "(@sym local)", 6))
    )
    labels = [i.label for i in r]
    assert "(init_prio N)" in labels and "(size N)" not in labels


async def test_semantic_tokens_and_inlay_hints(client):
    await opened(client)
    r = await client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(text_document=doc()))
    assert len(r.data) % 5 == 0 and len(r.data) > 500
    end = types.Position(line=FEATURES.count("\n") + 1, character=0)
    r = await client.text_document_semantic_tokens_range_async(
        types.SemanticTokensRangeParams(text_document=doc(), range=types.Range(start=types.Position(line=20, character=0), end=types.Position(line=25, character=0)))
    )
    assert 0 < len(r.data) < 500
    r = await client.text_document_inlay_hint_async(
        types.InlayHintParams(text_document=doc(), range=types.Range(start=types.Position(line=0, character=0), end=end))
    )
    labels = {h.label for h in r}
    assert {"R_WASM_FUNCTION_INDEX_LEB", "R_WASM_GLOBAL_INDEX_LEB", "R_WASM_TYPE_INDEX_LEB", "R_WASM_TABLE_NUMBER_LEB"} <= labels
    call = position(FEATURES, "call $puts", 10)
    assert any(h.position == call and h.label == "R_WASM_FUNCTION_INDEX_LEB" for h in r)


async def test_quick_fixes(client):
    uri = "file:///t/fix.wat"
    text = (
        '(module (import "env" "__linear_memory" (memory 1))\n'
        "  (func (result i32) i32.const 0 (@reloc sleb data $x))\n"
        '  (data (i32.const 0) (@sym $x (size 4)) "abcd" (@sym $y) "ef" "\\00\\00\\00\\00" (@reloc i32 functbl 0)))\n'
    )
    open_doc(client, uri, text)
    await wait_diagnostics(client, uri, lambda d: len(d) >= 3)
    r = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=doc(uri),
            range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=3, character=0)),
            context=types.CodeActionContext(diagnostics=[]),
        )
    )
    titles = {a.title for a in r}
    assert "Write `functable`" in titles and "Add `(size 6)`" in titles
    assert any(t.startswith("Remove `sleb`") for t in titles)


async def test_unknown_method_is_method_not_found(client):
    with pytest.raises(Exception) as e:
        await client.protocol.send_request_async("relwat/doesNotExist", {})
    assert "-32601" in str(e.value) or "not found" in str(e.value).lower()


async def test_utf16_positions(client):
    uri = "file:///t/utf16.wat"
    text = ';; 𝄞é\n(module (func $f (call $g)) (func $g (@sym (name "𝄞")))) ;; 𝄞 $g\n'
    open_doc(client, uri, text)
    await wait_diagnostics(client, uri)
    r = await client.text_document_definition_async(
        types.DefinitionParams(text_document=doc(uri), position=position(text, "call $g", 6))
    )
    assert r.range.start == position(text, "func $g", 5)
