//! The requests and notifications the server answers: initialization and text
//! synchronisation here, each request in its own file under `requests/`.

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
        let pulls = params.capabilities.text_document.as_ref().is_some_and(|t| t.diagnostic.is_some());
        self.state.pull.store(pulls, Ordering::SeqCst);
        let fold_limit = params.capabilities.text_document.as_ref().and_then(|t| t.folding_range.as_ref()?.range_limit);
        self.state.fold_limit.store(fold_limit.unwrap_or(0), Ordering::SeqCst);
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
                diagnostic_provider: Some(DiagnosticServerCapabilities::Options(DiagnosticOptions {
                    identifier: Some("relwat".into()),
                    inter_file_dependencies: false,
                    workspace_diagnostics: false,
                    work_done_progress_options: Default::default(),
                })),
                definition_provider: Some(OneOf::Left(true)),
                declaration_provider: Some(DeclarationCapability::Simple(true)),
                type_definition_provider: Some(TypeDefinitionProviderCapability::Simple(true)),
                document_highlight_provider: Some(OneOf::Left(true)),
                folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
                selection_range_provider: Some(SelectionRangeProviderCapability::Simple(true)),
                call_hierarchy_provider: Some(CallHierarchyServerCapability::Simple(true)),
                document_formatting_provider: Some(OneOf::Left(true)),
                code_lens_provider: Some(CodeLensOptions { resolve_provider: Some(true) }),
                document_range_formatting_provider: Some(OneOf::Left(true)),
                signature_help_provider: Some(SignatureHelpOptions {
                    trigger_characters: Some(vec!["(".into(), " ".into()]),
                    retrigger_characters: Some(vec![")".into()]),
                    work_done_progress_options: Default::default(),
                }),
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
        if !self.state.pulls() {
            self.client.publish_diagnostics(p.text_document.uri, Vec::new(), None).await;
        }
    }

    async fn diagnostic(&self, p: DocumentDiagnosticParams) -> jsonrpc::Result<DocumentDiagnosticReportResult> {
        requests::diagnostics::diagnostic(self, p).await
    }

    async fn hover(&self, p: HoverParams) -> jsonrpc::Result<Option<Hover>> {
        requests::hover::hover(self, p).await
    }

    async fn goto_definition(&self, p: GotoDefinitionParams) -> jsonrpc::Result<Option<GotoDefinitionResponse>> {
        requests::navigation::goto_definition(self, p).await
    }

    async fn references(&self, p: ReferenceParams) -> jsonrpc::Result<Option<Vec<Location>>> {
        requests::navigation::references(self, p).await
    }

    async fn prepare_rename(&self, p: TextDocumentPositionParams) -> jsonrpc::Result<Option<PrepareRenameResponse>> {
        requests::navigation::prepare_rename(self, p).await
    }

    async fn rename(&self, p: RenameParams) -> jsonrpc::Result<Option<WorkspaceEdit>> {
        requests::navigation::rename(self, p).await
    }

    async fn document_symbol(&self, p: DocumentSymbolParams) -> jsonrpc::Result<Option<DocumentSymbolResponse>> {
        requests::symbols::document_symbol(self, p).await
    }

    async fn symbol(&self, p: WorkspaceSymbolParams) -> jsonrpc::Result<Option<WorkspaceSymbolResponse>> {
        requests::symbols::symbol(self, p).await
    }

    async fn completion(&self, p: CompletionParams) -> jsonrpc::Result<Option<CompletionResponse>> {
        requests::completion::completion(self, p).await
    }

    async fn semantic_tokens_full(&self, p: SemanticTokensParams) -> jsonrpc::Result<Option<SemanticTokensResult>> {
        requests::tokens::semantic_tokens_full(self, p).await
    }

    async fn semantic_tokens_range(
        &self,
        p: SemanticTokensRangeParams,
    ) -> jsonrpc::Result<Option<SemanticTokensRangeResult>> {
        requests::tokens::semantic_tokens_range(self, p).await
    }

    async fn inlay_hint(&self, p: InlayHintParams) -> jsonrpc::Result<Option<Vec<InlayHint>>> {
        requests::hints::inlay_hint(self, p).await
    }

    async fn code_action(&self, p: CodeActionParams) -> jsonrpc::Result<Option<CodeActionResponse>> {
        requests::actions::code_action(self, p).await
    }

    async fn goto_declaration(&self, p: GotoDefinitionParams) -> jsonrpc::Result<Option<GotoDefinitionResponse>> {
        requests::navigation::goto_declaration(self, p).await
    }

    async fn document_highlight(&self, p: DocumentHighlightParams) -> jsonrpc::Result<Option<Vec<DocumentHighlight>>> {
        requests::navigation::document_highlight(self, p).await
    }

    async fn folding_range(&self, p: FoldingRangeParams) -> jsonrpc::Result<Option<Vec<FoldingRange>>> {
        requests::structure::folding_range(self, p).await
    }

    async fn selection_range(&self, p: SelectionRangeParams) -> jsonrpc::Result<Option<Vec<SelectionRange>>> {
        requests::structure::selection_range(self, p).await
    }

    async fn prepare_call_hierarchy(
        &self,
        p: CallHierarchyPrepareParams,
    ) -> jsonrpc::Result<Option<Vec<CallHierarchyItem>>> {
        requests::calls::prepare_call_hierarchy(self, p).await
    }

    async fn incoming_calls(
        &self,
        p: CallHierarchyIncomingCallsParams,
    ) -> jsonrpc::Result<Option<Vec<CallHierarchyIncomingCall>>> {
        requests::calls::incoming_calls(self, p).await
    }

    async fn outgoing_calls(
        &self,
        p: CallHierarchyOutgoingCallsParams,
    ) -> jsonrpc::Result<Option<Vec<CallHierarchyOutgoingCall>>> {
        requests::calls::outgoing_calls(self, p).await
    }

    async fn goto_type_definition(&self, p: GotoDefinitionParams) -> jsonrpc::Result<Option<GotoDefinitionResponse>> {
        requests::navigation::goto_type_definition(self, p).await
    }

    async fn signature_help(&self, p: SignatureHelpParams) -> jsonrpc::Result<Option<SignatureHelp>> {
        requests::signature::signature_help(self, p).await
    }

    async fn formatting(&self, p: DocumentFormattingParams) -> jsonrpc::Result<Option<Vec<TextEdit>>> {
        requests::formatting::formatting(self, p).await
    }

    async fn range_formatting(&self, p: DocumentRangeFormattingParams) -> jsonrpc::Result<Option<Vec<TextEdit>>> {
        requests::formatting::range_formatting(self, p).await
    }

    async fn code_lens(&self, p: CodeLensParams) -> jsonrpc::Result<Option<Vec<CodeLens>>> {
        requests::lenses::code_lens(self, p).await
    }

    async fn code_lens_resolve(&self, lens: CodeLens) -> jsonrpc::Result<CodeLens> {
        requests::lenses::code_lens_resolve(self, lens).await
    }
}
