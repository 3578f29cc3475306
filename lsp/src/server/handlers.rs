//! The requests and notifications the server answers: each handler converts its parameters,
//! asks the analysis and converts the answer.

use super::*;

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> jsonrpc::Result<InitializeResult> {
        let offered =
            params.capabilities.general.as_ref().and_then(|g| g.position_encodings.clone()).unwrap_or_default();
        let enc = if offered.contains(&PositionEncodingKind::UTF8) {
            (Encoding::Utf8, PositionEncodingKind::UTF8)
        } else {
            (Encoding::Utf16, PositionEncodingKind::UTF16)
        };
        *self.state.encoding.lock().expect("lock") = enc.0;
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "relwat-lsp".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            capabilities: ServerCapabilities {
                position_encoding: Some(enc.1),
                text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    ..Default::default()
                })),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                definition_provider: Some(OneOf::Left(true)),
                references_provider: Some(OneOf::Left(true)),
                rename_provider: Some(OneOf::Right(RenameOptions {
                    prepare_provider: Some(true),
                    work_done_progress_options: Default::default(),
                })),
                document_symbol_provider: Some(OneOf::Left(true)),
                workspace_symbol_provider: Some(OneOf::Left(true)),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(vec!["$".into(), "@".into(), "(".into(), " ".into(), ".".into()]),
                    ..Default::default()
                }),
                semantic_tokens_provider: Some(SemanticTokensServerCapabilities::SemanticTokensOptions(
                    SemanticTokensOptions {
                        legend: legend(),
                        range: Some(true),
                        full: Some(SemanticTokensFullOptions::Bool(true)),
                        ..Default::default()
                    },
                )),
                inlay_hint_provider: Some(OneOf::Left(true)),
                code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                    code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                    ..Default::default()
                })),
                ..Default::default()
            },
            offset_encoding: None,
        })
    }

    async fn shutdown(&self) -> jsonrpc::Result<()> {
        Ok(())
    }

    // Text synchronisation happens in `Ordered`, in arrival order; these only acknowledge.
    async fn did_open(&self, _: DidOpenTextDocumentParams) {}
    async fn did_change(&self, _: DidChangeTextDocumentParams) {}
    async fn did_close(&self, p: DidCloseTextDocumentParams) {
        self.client.publish_diagnostics(p.text_document.uri, Vec::new(), None).await;
    }

    async fn hover(&self, p: HoverParams) -> jsonrpc::Result<Option<Hover>> {
        let uri = &p.text_document_position_params.text_document.uri;
        let Some((a, o)) = at_position(self, uri, p.text_document_position_params.position) else { return Ok(None) };
        let Some(h) = hover::hover(&a, o) else { return Ok(None) };
        let range = map_ranges(self, uri, &[h.span]).pop().flatten();
        Ok(Some(Hover {
            contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: h.text }),
            range,
        }))
    }

    async fn goto_definition(&self, p: GotoDefinitionParams) -> jsonrpc::Result<Option<GotoDefinitionResponse>> {
        let uri = &p.text_document_position_params.text_document.uri;
        let Some((a, o)) = at_position(self, uri, p.text_document_position_params.position) else { return Ok(None) };
        let Some(def) = names::definition(a.text(), &a.syntax.module, a.defs(), o) else { return Ok(None) };
        let Some(range) = map_ranges(self, uri, &[def]).pop().flatten() else { return Ok(None) };
        Ok(Some(GotoDefinitionResponse::Scalar(Location { uri: uri.clone(), range })))
    }

    async fn references(&self, p: ReferenceParams) -> jsonrpc::Result<Option<Vec<Location>>> {
        let uri = &p.text_document_position.text_document.uri;
        let Some((a, o)) = at_position(self, uri, p.text_document_position.position) else { return Ok(None) };
        let mut refs = names::references(a.text(), &a.syntax.module, a.defs(), o);
        if !p.context.include_declaration
            && let Some(def) = names::definition(a.text(), &a.syntax.module, a.defs(), o)
        {
            refs.retain(|s| *s != def);
        }
        let ranges = map_ranges(self, uri, &refs);
        Ok(Some(ranges.into_iter().flatten().map(|range| Location { uri: uri.clone(), range }).collect()))
    }

    async fn prepare_rename(&self, p: TextDocumentPositionParams) -> jsonrpc::Result<Option<PrepareRenameResponse>> {
        let uri = &p.text_document.uri;
        let Some((a, o)) = at_position(self, uri, p.position) else { return Ok(None) };
        let Some(occ) = names::occurrence_at(a.text(), &a.syntax.module, o) else { return Ok(None) };
        if names::id_name(a.text(), occ.span).is_none()
            || names::resolve(a.text(), &a.syntax.module, a.defs(), &occ).is_none()
        {
            return Ok(None);
        }
        let range = map_ranges(self, uri, &[occ.span]).pop().flatten();
        Ok(range.map(PrepareRenameResponse::Range))
    }

    async fn rename(&self, p: RenameParams) -> jsonrpc::Result<Option<WorkspaceEdit>> {
        let uri = &p.text_document_position.text_document.uri;
        let Some((a, o)) = at_position(self, uri, p.text_document_position.position) else { return Ok(None) };
        let edits = match names::rename(a.text(), &a.syntax.module, a.defs(), o, &p.new_name) {
            Ok(e) => e,
            Err(names::RenameError::NoId) => return Ok(None),
            Err(names::RenameError::BadName(n)) => {
                return Err(jsonrpc::Error::invalid_params(format!("`{n}` is not a valid id")));
            }
            Err(names::RenameError::Taken(m)) => return Err(jsonrpc::Error::invalid_params(m)),
        };
        let spans: Vec<Span> = edits.iter().map(|e| e.0).collect();
        let ranges = map_ranges(self, uri, &spans);
        if ranges.iter().any(Option::is_none) {
            return Err(jsonrpc::Error::content_modified());
        }
        let text_edits = ranges
            .into_iter()
            .zip(edits)
            .map(|(r, (_, new_text))| TextEdit { range: r.expect("checked"), new_text })
            .collect();
        Ok(Some(WorkspaceEdit { changes: Some(HashMap::from([(uri.clone(), text_edits)])), ..Default::default() }))
    }

    async fn document_symbol(&self, p: DocumentSymbolParams) -> jsonrpc::Result<Option<DocumentSymbolResponse>> {
        let uri = &p.text_document.uri;
        let Some(a) = self.with_doc(uri, |d| d.analysis.cloned()).flatten() else { return Ok(None) };
        let outline = symbols::outline(&a);
        let out = self
            .with_doc(uri, |d| outline.iter().filter_map(|o| outline_to_lsp(d, o)).collect::<Vec<_>>())
            .unwrap_or_default();
        Ok(Some(DocumentSymbolResponse::Nested(out)))
    }

    #[allow(deprecated)]
    async fn symbol(&self, p: WorkspaceSymbolParams) -> jsonrpc::Result<Option<WorkspaceSymbolResponse>> {
        let query = p.query.to_lowercase();
        let docs: Vec<(String, Arc<Analysis>)> = {
            let docs = self.state.docs.read().expect("lock");
            docs.iter().filter_map(|(k, d)| d.analysis.as_ref().map(|a| (k.clone(), a.1.clone()))).collect()
        };
        let mut out = Vec::new();
        for (key, a) in docs {
            let Ok(uri) = key.parse::<Uri>() else { continue };
            let syms: Vec<symbols::LinkerSymbol> =
                symbols::linker_symbols(&a).into_iter().filter(|s| s.name.to_lowercase().contains(&query)).collect();
            let spans: Vec<Span> = syms.iter().map(|s| s.span).collect();
            let ranges = map_ranges(self, &uri, &spans);
            for (s, r) in syms.into_iter().zip(ranges) {
                let Some(range) = r else { continue };
                let kind = match s.kind {
                    relwat::object::SymbolKind::Function => SymbolKind::FUNCTION,
                    relwat::object::SymbolKind::Data => SymbolKind::VARIABLE,
                    relwat::object::SymbolKind::Global => SymbolKind::VARIABLE,
                    relwat::object::SymbolKind::Table => SymbolKind::ARRAY,
                    relwat::object::SymbolKind::Tag => SymbolKind::EVENT,
                    relwat::object::SymbolKind::Section => SymbolKind::NAMESPACE,
                };
                out.push(SymbolInformation {
                    name: s.name,
                    kind,
                    tags: None,
                    deprecated: None,
                    location: Location { uri: uri.clone(), range },
                    container_name: Some(s.detail),
                });
            }
        }
        Ok(Some(WorkspaceSymbolResponse::Flat(out)))
    }

    async fn completion(&self, p: CompletionParams) -> jsonrpc::Result<Option<CompletionResponse>> {
        let uri = &p.text_document_position.text_document.uri;
        let Some(view) = self.view(uri) else { return Ok(None) };
        let offset = view.offset(p.text_document_position.position);
        let a = view.analysis.clone();
        let mapped = a.as_ref().map(|a| (a.as_ref(), view.to_analysis(offset)));
        // The window completion reads, with room for the token before the cursor.
        let base = offset.saturating_sub(2 * completion::CONTEXT);
        let window = view.text.slice(base..offset);
        let base = offset - window.len() as u32;
        let (replace, items) = completion::complete(&window, offset - base, mapped);
        let range = view.doc_range(replace.moved(base as i64));
        let items = items
            .into_iter()
            .map(|i| CompletionItem {
                label: i.label.clone(),
                kind: Some(match i.kind {
                    completion::ItemKind::Keyword => CompletionItemKind::KEYWORD,
                    completion::ItemKind::Instruction => CompletionItemKind::OPERATOR,
                    completion::ItemKind::Function => CompletionItemKind::FUNCTION,
                    completion::ItemKind::Variable => CompletionItemKind::VARIABLE,
                    completion::ItemKind::Type => CompletionItemKind::TYPE_PARAMETER,
                    completion::ItemKind::Name => CompletionItemKind::REFERENCE,
                    completion::ItemKind::Annotation => CompletionItemKind::PROPERTY,
                }),
                detail: Some(i.detail),
                text_edit: Some(CompletionTextEdit::Edit(TextEdit { range, new_text: i.label })),
                ..Default::default()
            })
            .collect();
        Ok(Some(CompletionResponse::Array(items)))
    }

    async fn semantic_tokens_full(&self, p: SemanticTokensParams) -> jsonrpc::Result<Option<SemanticTokensResult>> {
        let uri = &p.text_document.uri;
        let Some(a) = self.with_doc(uri, |d| d.analysis.cloned()).flatten() else { return Ok(None) };
        let toks = tokens::semantic_tokens(&a, None);
        let data = self.with_doc(uri, |d| encode_tokens(d, &toks)).unwrap_or_default();
        Ok(Some(SemanticTokensResult::Tokens(SemanticTokens { result_id: None, data })))
    }

    async fn semantic_tokens_range(
        &self,
        p: SemanticTokensRangeParams,
    ) -> jsonrpc::Result<Option<SemanticTokensRangeResult>> {
        let uri = &p.text_document.uri;
        let Some((a, span)) = analysis_range(self, uri, p.range) else { return Ok(None) };
        let toks = tokens::semantic_tokens(&a, Some(span));
        let data = self.with_doc(uri, |d| encode_tokens(d, &toks)).unwrap_or_default();
        Ok(Some(SemanticTokensRangeResult::Tokens(SemanticTokens { result_id: None, data })))
    }

    async fn inlay_hint(&self, p: InlayHintParams) -> jsonrpc::Result<Option<Vec<InlayHint>>> {
        let uri = &p.text_document.uri;
        let Some((a, span)) = analysis_range(self, uri, p.range) else { return Ok(None) };
        let hs = hints::inlay_hints(&a, span);
        let out = self
            .with_doc(uri, |d| {
                hs.iter()
                    .filter_map(|h| {
                        let r = d.range(Span::new(h.offset, h.offset))?;
                        Some(InlayHint {
                            position: r.start,
                            label: InlayHintLabel::String(h.label.clone()),
                            kind: None,
                            text_edits: None,
                            tooltip: Some(InlayHintTooltip::String(h.tooltip.clone())),
                            padding_left: Some(true),
                            padding_right: None,
                            data: None,
                        })
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        Ok(Some(out))
    }

    async fn code_action(&self, p: CodeActionParams) -> jsonrpc::Result<Option<CodeActionResponse>> {
        let uri = &p.text_document.uri;
        let Some((a, span)) = self
            .with_doc(uri, |d| {
                let a = d.analysis?.clone();
                let s = d.to_analysis(d.offset(p.range.start))?;
                let e = d.to_analysis(d.offset(p.range.end))?;
                Some((a, Span::new(s, e.max(s))))
            })
            .flatten()
        else {
            return Ok(None);
        };
        let fixes = fixes::quick_fixes(&a, span);
        let out = self
            .with_doc(uri, |d| {
                fixes
                    .iter()
                    .filter_map(|f| {
                        let edits: Option<Vec<TextEdit>> = f
                            .edits
                            .iter()
                            .map(|(s, t)| Some(TextEdit { range: d.range(*s)?, new_text: t.clone() }))
                            .collect();
                        let diag = &a.checked.diagnostics[f.diagnostic];
                        let lsp_diag = Diagnostic {
                            range: d.range(diag.primary.span)?,
                            message: diag.message.clone(),
                            ..Default::default()
                        };
                        Some(CodeActionOrCommand::CodeAction(CodeAction {
                            title: f.title.clone(),
                            kind: Some(CodeActionKind::QUICKFIX),
                            diagnostics: Some(vec![lsp_diag]),
                            edit: Some(WorkspaceEdit {
                                changes: Some(HashMap::from([(uri.clone(), edits?)])),
                                ..Default::default()
                            }),
                            is_preferred: Some(true),
                            ..Default::default()
                        }))
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        Ok(Some(out))
    }
}
