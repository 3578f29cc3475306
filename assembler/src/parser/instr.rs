//! Instructions: flat and folded forms, immediates by [`ImmKind`], and the annotations that
//! may stand between them (`(@reloc ...)` after an immediate, `(@sym.label ...)` before an
//! instruction).

use super::cursor::{Cursor, Fail, PResult};
use crate::ast::*;
use crate::instructions::{self, ImmKind, InstrId};
use crate::lexer::TokenKind;
use crate::literals;
use crate::span::Span;

/// Relocation annotations read while parsing one instruction's immediates: (slot, annotation).
type PendingRelocs = Vec<(ImmSlot, RelocAnnot)>;

fn id_of(name: &str) -> InstrId {
    instructions::lookup(name).expect("structural instruction in the table")
}

/// The words of flat blocks, which a folded form cannot hold as plain operands.
const FLAT_BLOCK_WORDS: &[&str] =
    &["block", "loop", "if", "try_table", "try", "end", "else", "then", "catch", "catch_all", "delegate"];

/// A folded form being parsed: folded instructions nest without limit, so they are parsed with
/// an explicit stack of these rather than by recursion (a text nested a million deep gives its
/// object, not a stack overflow).
struct Frame {
    /// The token `(` that opens the form.
    open: usize,
    /// A branch hint written before the form, and whether the form's head is `if` or `br_if`:
    /// attached to the form's instruction once the form is complete.
    hint: Option<((u8, Span), bool)>,
    /// The index in the expression of the form's instruction, once it is pushed.
    head: u32,
    state: State,
}

/// Where in its folded form the parser is.
enum State {
    /// The folded operands of a plain instruction, which is pushed when its `)` is reached.
    Operands { id: InstrId, imm: Imm, relocs: PendingRelocs },
    /// The condition operands of `if`, before `(then`.
    IfCondition { head: Span, bt: Box<BlockType> },
    /// A sequence of instructions up to a `)`.
    Seq(SeqKind),
}

/// Which instruction sequence of a folded form.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SeqKind {
    /// The body of `block`, `loop` or `try_table`: `end` follows.
    Body,
    /// `(then ...)`, opened at the token given; an `(else ...)` may follow.
    Then(usize),
    /// `(else ...)`, opened at the token given.
    Else(usize),
    /// `(do ...)`, `(catch ...)` or `(catch_all ...)` of `try`, opened at the token given.
    Try(usize),
}

/// What one step of [`Cursor::parse_instrs`] found.
enum Step {
    /// Go on.
    Continue,
    /// The enclosing list's `)` (or the end of the input) ends the sequence.
    Done,
    /// The innermost form is malformed (reported).
    Failed,
}

/// What to parse: a sequence of instructions up to a `)` (a body), or one folded instruction.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Root {
    Seq,
    Single,
}

impl<'a> Cursor<'a> {
    /// Instructions up to the `)` that closes the enclosing list (not consumed).
    pub(crate) fn parse_expr_body(&mut self) -> Expr {
        let start = self.here().start;
        let mut expr = Expr::default();
        let _ = self.parse_instrs(&mut expr, Root::Seq);
        expr.span = if self.prev_end() > start { self.span_from(start) } else { Span::new(start, start) };
        // Function bodies are the bulk of a large module's tree: no spare capacity.
        expr.instrs.shrink_to_fit();
        expr.relocs.shrink_to_fit();
        expr
    }

    /// A single folded instruction `(op ...)` as an expression.
    pub(crate) fn parse_single_folded(&mut self) -> PResult<Expr> {
        if self.peek_kind() != Some(TokenKind::LParen) {
            return Err(self.expected("a folded instruction or `(offset ...)`"));
        }
        let open = self.mark();
        let mut expr = Expr::default();
        self.parse_instrs(&mut expr, Root::Single)?;
        expr.span = self.list_span(open);
        Ok(expr)
    }

    /// Parses instructions into `expr`: a sequence up to the `)` of the enclosing list, or one
    /// folded instruction (which fails as a whole when it is malformed; a sequence recovers).
    fn parse_instrs(&mut self, expr: &mut Expr, root: Root) -> PResult<()> {
        let mut stack: Vec<Frame> = Vec::new();
        if root == Root::Single && !self.begin_folded(expr, &mut stack, None) {
            return Err(Fail);
        }
        loop {
            let step = match stack.last().map(|f| &f.state) {
                None if root == Root::Single => return Ok(()),
                None | Some(State::Seq(_)) => self.seq_step(expr, &mut stack),
                Some(State::Operands { .. }) => self.operands_step(expr, &mut stack),
                Some(State::IfCondition { .. }) => self.condition_step(expr, &mut stack),
            };
            match step {
                Step::Continue => {}
                Step::Done => return Ok(()),
                Step::Failed => {
                    // The innermost form is malformed: skip to its `)` and go on in the one
                    // around it (a single folded instruction fails as a whole).
                    let frame = stack.pop().expect("a failing form is on the stack");
                    self.recover_to_close(frame.open);
                    if root == Root::Single && stack.is_empty() {
                        return Err(Fail);
                    }
                }
            }
        }
    }

    /// One item of an instruction sequence (the enclosing list's, or a form's).
    fn seq_step(&mut self, expr: &mut Expr, stack: &mut Vec<Frame>) -> Step {
        match self.peek_kind() {
            None | Some(TokenKind::RParen) => {
                if let Some((_, span)) = self.pending_hint.take() {
                    self.diags.push(crate::diagnostic::Diagnostic::error(
                        span,
                        "@metadata.code.branch_hint annotation: invalid target",
                    ));
                }
                match stack.last().map(|f| &f.state) {
                    Some(State::Seq(kind)) => {
                        let kind = *kind;
                        self.end_seq(expr, stack, kind)
                    }
                    _ => Step::Done,
                }
            }
            Some(TokenKind::LParen) => {
                let hint = self.pending_hint.take();
                let head = self.peek_list_kw();
                let hint = hint.map(|h| (h, matches!(head, Some("if" | "br_if"))));
                self.nested_form(expr, stack, hint)
            }
            Some(TokenKind::Annotation) => self.annotation_step(expr),
            Some(TokenKind::Keyword) => {
                let hint = self.pending_hint.take();
                let head = self.peek_kw();
                if self.parse_plain(expr).is_err() {
                    self.skip_stray_atoms();
                } else if let Some(h) = hint {
                    self.attach_hint(expr, h, head, expr.instrs.len() as u32 - 1);
                }
                Step::Continue
            }
            Some(_) => {
                let _ = self.expected("an instruction");
                self.bump();
                self.skip_stray_atoms();
                Step::Continue
            }
        }
    }

    /// The `)` that ends an instruction sequence of the innermost form: what follows it.
    fn end_seq(&mut self, expr: &mut Expr, stack: &mut Vec<Frame>, kind: SeqKind) -> Step {
        let sub_open = match kind {
            SeqKind::Body => None,
            SeqKind::Then(o) | SeqKind::Else(o) | SeqKind::Try(o) => Some(o),
        };
        let Ok(close) = self.expect_rparen() else { return Step::Failed };
        match kind {
            SeqKind::Then(_) => {
                let eopen = self.mark();
                if let Some(espan) = self.eat_list("else") {
                    self.push_simple(expr, espan, "else", Imm::EndLabel(None));
                    stack.last_mut().expect("an if frame").state = State::Seq(SeqKind::Else(eopen));
                    return Step::Continue;
                }
            }
            SeqKind::Try(_) => {
                // The next clause of `try`, if any.
                let copen = self.mark();
                if let Some(cspan) = self.eat_list("catch") {
                    let Ok(tag) = self.parse_index() else { return Step::Failed };
                    let span = self.span_from(cspan.start);
                    let index = expr.instrs.len() as u32;
                    self.push_simple(expr, span, "catch", Imm::Index(tag));
                    if self.peek_annotation() == Some("reloc") {
                        let Ok(r) = self.parse_reloc_annot() else { return Step::Failed };
                        expr.relocs.push((index, 0, r));
                    }
                    stack.last_mut().expect("a try frame").state = State::Seq(SeqKind::Try(copen));
                    return Step::Continue;
                }
                if let Some(cspan) = self.eat_list("catch_all") {
                    self.push_simple(expr, cspan, "catch_all", Imm::EndLabel(None));
                    stack.last_mut().expect("a try frame").state = State::Seq(SeqKind::Try(copen));
                    return Step::Continue;
                }
                if let Some(dspan) = self.eat_list("delegate") {
                    let Ok(label) = self.parse_index() else { return Step::Failed };
                    let Ok(close) = self.expect_rparen() else { return Step::Failed };
                    self.push_simple(expr, dspan.to(close), "delegate", Imm::Index(label));
                    if self.expect_rparen().is_err() {
                        return Step::Failed;
                    }
                    let frame = stack.pop().expect("a try frame");
                    self.finish_form(expr, frame);
                    return Step::Continue;
                }
            }
            SeqKind::Body | SeqKind::Else(_) => {}
        }
        // The form's own `)`, unless the sequence was the form's body.
        let close = match sub_open {
            None => close,
            Some(_) => match self.expect_rparen() {
                Ok(c) => c,
                Err(_) => return Step::Failed,
            },
        };
        self.push_simple(expr, close, "end", Imm::EndLabel(None));
        let frame = stack.pop().expect("a form");
        self.finish_form(expr, frame);
        Step::Continue
    }

    /// The folded operands of a plain instruction: another operand, an annotation, or its `)`.
    fn operands_step(&mut self, expr: &mut Expr, stack: &mut Vec<Frame>) -> Step {
        match self.peek_kind() {
            Some(TokenKind::LParen) => self.nested_form(expr, stack, None),
            Some(TokenKind::Annotation) => self.annotation_step(expr),
            Some(TokenKind::RParen) | None => {
                if self.expect_rparen().is_err() {
                    return Step::Failed;
                }
                let mut frame = stack.pop().expect("an operands frame");
                let state = std::mem::replace(&mut frame.state, State::Seq(SeqKind::Body));
                let State::Operands { id, imm, relocs } = state else { unreachable!("checked by the caller") };
                frame.head = expr.instrs.len() as u32;
                self.push_instr(expr, self.list_span(frame.open), id, imm, relocs);
                self.finish_form(expr, frame);
                Step::Continue
            }
            // A plain operand, `(i64.store local.get $p local.get $v)`: the `wast` crate reads
            // it as the flat instruction it is, and rwat's text has it (D12). Blocks stay folded.
            Some(TokenKind::Keyword) if self.peek_kw().is_some_and(|k| !FLAT_BLOCK_WORDS.contains(&k)) => {
                if self.parse_plain(expr).is_err() {
                    return Step::Failed;
                }
                Step::Continue
            }
            Some(_) => {
                let _ = self.expected("`)` or a folded operand");
                Step::Failed
            }
        }
    }

    /// The condition of a folded `if`: another operand, or `(then`.
    fn condition_step(&mut self, expr: &mut Expr, stack: &mut Vec<Frame>) -> Step {
        if self.peek_kind() == Some(TokenKind::LParen) && !self.at_list("then") {
            return self.nested_form(expr, stack, None);
        }
        let top = stack.last_mut().expect("an if frame");
        let State::IfCondition { head, bt } = std::mem::replace(&mut top.state, State::Seq(SeqKind::Body)) else {
            unreachable!("checked by the caller")
        };
        top.head = expr.instrs.len() as u32;
        self.push_simple(expr, head, "if", Imm::Block(bt));
        let topen = self.mark();
        if self.eat_list("then").is_none() {
            let _ = self.expected("`(then ...)`");
            return Step::Failed;
        }
        stack.last_mut().expect("an if frame").state = State::Seq(SeqKind::Then(topen));
        Step::Continue
    }

    /// A folded form inside the current one (or the enclosing sequence); skipped to its `)` when
    /// its head is malformed.
    fn nested_form(&mut self, expr: &mut Expr, stack: &mut Vec<Frame>, hint: Option<((u8, Span), bool)>) -> Step {
        let open = self.mark();
        if !self.begin_folded(expr, stack, hint) {
            self.recover_to_close(open);
        }
        Step::Continue
    }

    /// An annotation among instructions; skipped to its `)` when malformed.
    fn annotation_step(&mut self, expr: &mut Expr) -> Step {
        let open = self.mark();
        if self.parse_code_annotation(expr).is_err() {
            self.recover_to_close(open);
        }
        Step::Continue
    }

    /// A form is complete (its frame popped): a branch hint written before it is attached to
    /// its instruction.
    fn finish_form(&mut self, expr: &mut Expr, frame: Frame) {
        if let Some((h, branch)) = frame.hint {
            self.attach_hint(expr, h, if branch { Some("if") } else { None }, frame.head);
        }
    }

    /// Starts the folded form at the cursor (`(`): its head and immediates, and the frame that
    /// parses the rest. `false` when the head is malformed (reported).
    fn begin_folded(&mut self, expr: &mut Expr, stack: &mut Vec<Frame>, hint: Option<((u8, Span), bool)>) -> bool {
        let open = self.mark();
        let head = expr.instrs.len() as u32;
        match self.folded_head(expr) {
            Ok(state) => {
                stack.push(Frame { open, hint, head, state });
                true
            }
            Err(Fail) => false,
        }
    }

    /// The head of a folded form: `(`, the mnemonic and its immediates.
    fn folded_head(&mut self, expr: &mut Expr) -> PResult<State> {
        let lparen = self.bump();
        let Some(kw) = self.peek_kw() else {
            return Err(self.expected("an instruction"));
        };
        let kw_span = self.here();
        Ok(match kw {
            "block" | "loop" => {
                self.bump();
                let bt = self.parse_block_type()?;
                let span = self.span_from(lparen.span.start);
                self.push_simple(expr, span, kw, Imm::Block(Box::new(bt)));
                State::Seq(SeqKind::Body)
            }
            "if" => {
                self.bump();
                let bt = self.parse_block_type()?;
                let head = self.span_from(lparen.span.start);
                State::IfCondition { head, bt: Box::new(bt) }
            }
            "try" => {
                self.bump();
                let bt = self.parse_block_type()?;
                let head = self.span_from(lparen.span.start);
                self.push_simple(expr, head, "try", Imm::Block(Box::new(bt)));
                let dopen = self.mark();
                if self.eat_list("do").is_none() {
                    return Err(self.expected("`(do ...)`"));
                }
                State::Seq(SeqKind::Try(dopen))
            }
            _ => {
                let t = self.bump();
                let Some(id) = instructions::lookup(kw) else {
                    return Err(self.unknown_instruction(kw_span, kw));
                };
                let info = id.info();
                let mut relocs = PendingRelocs::new();
                let imm = self.parse_imm(info.imm, &mut relocs)?;
                if matches!(info.imm, ImmKind::TryTable) {
                    let span = self.span_from(lparen.span.start);
                    self.push_instr(expr, span, id, imm, relocs);
                    State::Seq(SeqKind::Body)
                } else if matches!(info.imm, ImmKind::EndLabel) || kw == "catch" || kw == "delegate" {
                    return Err(self.error(t.span, format!("`{kw}` cannot be folded")));
                } else {
                    State::Operands { id, imm, relocs }
                }
            }
        })
    }

    /// Attaches a branch hint to the instruction `index` if the form's head is `if` or `br_if`.
    fn attach_hint(&mut self, expr: &mut Expr, (value, span): (u8, Span), head: Option<&str>, index: u32) {
        if matches!(head, Some("if" | "br_if")) {
            expr.branch_hints.push((index, value));
        } else {
            self.diags.push(
                crate::diagnostic::Diagnostic::error(span, "@metadata.code.branch_hint annotation: invalid target")
                    .with_label("a branch hint must stand right before `if` or `br_if`"),
            );
        }
    }

    /// After a bad instruction: skips its remaining atoms so one mistake gives one diagnostic.
    fn skip_stray_atoms(&mut self) {
        while let Some(t) = self.peek() {
            let is_instr = t.kind == TokenKind::Keyword && instructions::lookup(self.text(t)).is_some();
            if matches!(t.kind, TokenKind::LParen | TokenKind::RParen | TokenKind::Annotation) || is_instr {
                return;
            }
            self.bump();
        }
    }

    /// An annotation in instruction position.
    fn parse_code_annotation(&mut self, expr: &mut Expr) -> PResult<()> {
        let open = self.mark();
        match self.peek_annotation() {
            Some("sym.label") => {
                self.bump();
                let id = self.expect_id()?;
                self.expect_rparen()?;
                expr.instrs.push(Instr { span: self.list_span(open), kind: InstrKind::Label(id) });
                Ok(())
            }
            Some("metadata.code.branch_hint") => {
                self.bump();
                let s = self.parse_string()?;
                self.expect_rparen()?;
                let span = self.list_span(open);
                let value = match s.bytes.as_slice() {
                    [v @ (0 | 1)] => *v,
                    _ => {
                        return Err(self.error(
                            s.span,
                            "@metadata.code.branch_hint annotation: the hint is one byte, \\00 or \\01",
                        ));
                    }
                };
                if let Some((_, first)) = self.pending_hint {
                    self.diags.push(
                        crate::diagnostic::Diagnostic::error(
                            span,
                            "@metadata.code.branch_hint annotation: duplicate annotation",
                        )
                        .with_secondary(first, "first hint here"),
                    );
                    return Ok(());
                }
                self.pending_hint = Some((value, span));
                Ok(())
            }
            Some("reloc") => {
                let span = self.list_span(open);
                self.recover_to_close(open);
                self.diags.push(
                    crate::diagnostic::Diagnostic::error(span, "`(@reloc ...)` must follow a relocatable immediate")
                        .with_label("no index, constant or memory offset right before this")
                        .with_help("write the annotation right after the immediate it relocates, e.g. `i32.const 0 (@reloc data $x)`"),
                );
                Ok(())
            }
            Some(other) => {
                let span = self.list_span(open);
                self.recover_to_close(open);
                Err(self.error(span, format!("`(@{other} ...)` is not allowed among instructions")))
            }
            None => unreachable!(),
        }
    }

    /// A flat instruction: mnemonic and immediates.
    fn parse_plain(&mut self, expr: &mut Expr) -> PResult<()> {
        let t = self.bump();
        let name = self.text(t);
        let Some(id) = instructions::lookup(name) else {
            return Err(self.unknown_instruction(t.span, name));
        };
        let mut relocs = PendingRelocs::new();
        let imm = self.parse_imm(id.info().imm, &mut relocs)?;
        self.push_instr(expr, self.span_from(t.span.start), id, imm, relocs);
        Ok(())
    }

    fn push_instr(&mut self, expr: &mut Expr, span: Span, id: InstrId, imm: Imm, relocs: PendingRelocs) {
        let index = expr.instrs.len() as u32;
        expr.relocs.extend(relocs.into_iter().map(|(slot, r)| (index, slot, r)));
        expr.instrs.push(Instr { span, kind: InstrKind::Op(id, imm) });
    }

    fn push_simple(&mut self, expr: &mut Expr, span: Span, name: &str, imm: Imm) {
        expr.instrs.push(Instr { span, kind: InstrKind::Op(id_of(name), imm) });
    }

    /// Reports an unknown mnemonic, suggesting the closest known one.
    fn unknown_instruction(&mut self, span: Span, name: &str) -> Fail {
        let mut d = crate::diagnostic::Diagnostic::error(span, format!("unknown instruction `{name}`"));
        if let Some(best) = instructions::closest(name) {
            d = d.with_help(format!("did you mean `{best}`?"));
        }
        self.diags.push(d);
        Fail
    }

    /// `label? (type ..)? (param ..)* (result ..)*`.
    fn parse_block_type(&mut self) -> PResult<BlockType> {
        let label = self.opt_id();
        let ty = self.parse_type_use(false)?;
        Ok(BlockType { label, ty })
    }

    /// An optional `(@reloc ...)` for the relocatable immediate `slot`.
    fn opt_reloc(&mut self, slot: ImmSlot, relocs: &mut PendingRelocs) -> PResult<()> {
        if self.peek_annotation() == Some("reloc") {
            let r = self.parse_reloc_annot()?;
            relocs.push((slot, r));
        }
        Ok(())
    }

    /// A `(@reloc ...)` where rwat writes it, after what follows the immediate `slot` it belongs
    /// to (D12): read for that immediate, unless it has one, with a warning whose fix moves it
    /// to right after `place` (the immediate, or where an implicit one stands).
    fn moved_reloc(&mut self, slot: ImmSlot, relocs: &mut PendingRelocs, place: Span, message: &str) -> PResult<()> {
        if self.peek_annotation() != Some("reloc") || relocs.iter().any(|(s, _)| *s == slot) {
            return Ok(());
        }
        let r = self.parse_reloc_annot()?;
        let at = Span::new(place.end, place.end);
        let mut d = crate::diagnostic::Diagnostic::warning(r.span, format!("{message}; read as if written there"))
            .with_label("rwat's place for it")
            .with_secondary(at, "the proposal's place");
        d.notes.push("help: move it to the proposal's place".into());
        self.diags.push(d);
        relocs.push((slot, r));
        Ok(())
    }

    /// An optional `(@reloc ...)` after an immediate that is never relocated (`what` names it):
    /// read and reported, so that it is not taken for an annotation of something else.
    fn no_reloc(&mut self, what: &str) -> PResult<()> {
        if let Some(r) = self.opt_reloc_annot()? {
            self.not_relocatable(&r, what);
        }
        Ok(())
    }

    /// A `(@reloc ...)` at the cursor, if there is one.
    fn opt_reloc_annot(&mut self) -> PResult<Option<RelocAnnot>> {
        if self.peek_annotation() == Some("reloc") { self.parse_reloc_annot().map(Some) } else { Ok(None) }
    }

    /// Reports annotation `r`, written after an immediate that is never relocated.
    fn not_relocatable(&mut self, r: &RelocAnnot, what: &str) {
        self.diags.push(
            crate::diagnostic::Diagnostic::error(r.span, format!("{what} is not relocatable"))
                .with_label("no relocation applies to the immediate before this")
                .with_help(
                    "relocations apply to function, global, tag and table indices, to `i32.const` and \
                     `i64.const`, and to memory offsets; remove this annotation",
                ),
        );
    }

    fn index_imm(&mut self, slot: ImmSlot, relocs: &mut PendingRelocs) -> PResult<Index> {
        let i = self.parse_index()?;
        self.opt_reloc(slot, relocs)?;
        Ok(i)
    }

    /// An index that is never relocated, and an annotation after it reported.
    fn plain_index(&mut self, what: &str) -> PResult<Index> {
        let i = self.parse_index()?;
        self.no_reloc(what)?;
        Ok(i)
    }

    fn opt_index_imm(&mut self, slot: ImmSlot, relocs: &mut PendingRelocs) -> PResult<Index> {
        let i = match self.opt_index() {
            Some(i) => i,
            None => Index::num(0, Span::new(self.prev_end(), self.prev_end())),
        };
        self.opt_reloc(slot, relocs)?;
        Ok(i)
    }

    /// Immediates of one instruction.
    fn parse_imm(&mut self, kind: ImmKind, relocs: &mut PendingRelocs) -> PResult<Imm> {
        use ImmKind as K;
        Ok(match kind {
            K::None | K::AtomicFence => Imm::None,
            K::Block => Imm::Block(Box::new(self.parse_block_type()?)),
            K::TryTable => {
                let bt = self.parse_block_type()?;
                let mut clauses = Vec::new();
                loop {
                    let open = self.mark();
                    let kind = match self.peek_list_kw() {
                        Some("catch") => 0,
                        Some("catch_ref") => 1,
                        Some("catch_all") => 2,
                        Some("catch_all_ref") => 3,
                        _ => break,
                    };
                    self.bump();
                    self.bump();
                    let slot = clauses.len() as ImmSlot;
                    let tag = if kind < 2 { Some(self.index_imm(slot, relocs)?) } else { None };
                    let label = self.plain_index("a label")?;
                    self.expect_rparen()?;
                    // rwat writes the tag's relocation after the clause (D12).
                    if let Some(t) = &tag {
                        let place = t.span;
                        self.moved_reloc(slot, relocs, place, "the tag's relocation goes inside its `catch` clause")?;
                    }
                    clauses.push(CatchClause { kind, tag, label, span: self.list_span(open) });
                }
                Imm::TryTable(Box::new((bt, clauses)))
            }
            K::EndLabel => Imm::EndLabel(self.opt_id()),
            K::Catch | K::Func | K::Global | K::Tag => Imm::Index(self.index_imm(0, relocs)?),
            K::Label => Imm::Index(self.plain_index("a label")?),
            K::Type => Imm::Index(self.plain_index("this type index")?),
            K::Local => Imm::Index(self.plain_index("a local index")?),
            K::Elem => Imm::Index(self.plain_index("an element segment index")?),
            K::Data => Imm::Index(self.plain_index("a data segment index")?),
            K::BrTable => {
                let mut labels = vec![self.plain_index("a label")?];
                while let Some(i) = self.opt_index() {
                    labels.push(i);
                    self.no_reloc("a label")?;
                }
                Imm::BrTable(labels)
            }
            K::CallIndirect => {
                let table = self.opt_index_imm(0, relocs)?;
                let ty = self.parse_type_use(false)?;
                // rwat writes the table's relocation after the type use (D12); an implicit table
                // index stands right after the mnemonic.
                self.moved_reloc(0, relocs, table.span, "the table's relocation goes before `(type ...)`")?;
                Imm::CallIndirect(Box::new((table, ty)))
            }
            K::TypeField | K::TypeData | K::TypeElem | K::TypeType => {
                let a = self.plain_index("this type index")?;
                let second = match kind {
                    K::TypeField => "a field index",
                    K::TypeData => "a data segment index",
                    K::TypeElem => "an element segment index",
                    _ => "this type index",
                };
                let b = self.plain_index(second)?;
                Imm::Index2(a, b)
            }
            K::TypeCount => {
                let a = self.plain_index("this type index")?;
                let (n, _) = self.parse_u32()?;
                Imm::TypeCount(a, n)
            }
            K::Table => Imm::Index(self.opt_index_imm(0, relocs)?),
            K::Memory => {
                let m = match self.opt_index() {
                    Some(i) => i,
                    None => Index::num(0, Span::new(self.prev_end(), self.prev_end())),
                };
                self.no_reloc("a memory index")?;
                Imm::Index(m)
            }
            K::TableCopy => match self.opt_index() {
                Some(a) => {
                    self.opt_reloc(0, relocs)?;
                    let b = self.index_imm(1, relocs)?;
                    Imm::Index2(a, b)
                }
                None => {
                    // `table.copy` alone copies within table 0: an annotation relocates both.
                    let here = Span::new(self.prev_end(), self.prev_end());
                    self.opt_reloc(0, relocs)?;
                    Imm::Index2(Index::num(0, here), Index::num(0, here))
                }
            },
            K::MemoryCopy => match self.opt_index() {
                Some(a) => {
                    self.no_reloc("a memory index")?;
                    let b = self.plain_index("a memory index")?;
                    Imm::Index2(a, b)
                }
                None => {
                    self.no_reloc("a memory index")?;
                    let here = Span::new(self.prev_end(), self.prev_end());
                    Imm::Index2(Index::num(0, here), Index::num(0, here))
                }
            },
            K::TableInit | K::MemoryInit => {
                // `table.init $table? $elem`, `memory.init $memory? $data`: whether the first
                // index is the table (relocatable) or the memory is known once the second is seen.
                let (place, segment) = match kind {
                    K::TableInit => ("a table index", "an element segment index"),
                    _ => ("a memory index", "a data segment index"),
                };
                let first = self.parse_index()?;
                let annot = self.opt_reloc_annot()?;
                let second = self.opt_index();
                if let Some(r) = annot {
                    match second {
                        Some(_) if kind == K::TableInit => relocs.push((0, r)),
                        Some(_) => self.not_relocatable(&r, place),
                        None => self.not_relocatable(&r, segment),
                    }
                }
                match second {
                    Some(second) => {
                        self.no_reloc(segment)?;
                        Imm::Index2(first, second)
                    }
                    None => Imm::Index2(Index::num(0, first.span.end_point()), first),
                }
            }
            K::MemArg(natural) => Imm::MemArg(self.parse_memarg(natural, false, relocs)?),
            K::MemArgLane(natural) => {
                let m = self.parse_memarg(natural, true, relocs)?;
                let lane = self.parse_lane()?;
                Imm::MemArgLane(m, lane)
            }
            K::I32 => {
                let v = self.parse_int_token(32)? as u32 as i32;
                self.opt_reloc(0, relocs)?;
                Imm::I32(v)
            }
            K::I64 => {
                let v = self.parse_int_token(64)? as i64;
                self.opt_reloc(0, relocs)?;
                Imm::I64(v)
            }
            K::F32 => Imm::F32(self.parse_f32_token()?),
            K::F64 => Imm::F64(self.parse_f64_token()?),
            K::V128 => Imm::V128(self.parse_v128()?),
            K::Lane => Imm::Lane(self.parse_lane()?),
            K::Shuffle => {
                let mut bytes = [0u8; 16];
                for b in &mut bytes {
                    *b = self.parse_lane()?;
                }
                Imm::V128(bytes)
            }
            K::Select => {
                let mut types = None;
                while self.eat_list("result").is_some() {
                    let list = types.get_or_insert_with(Vec::new);
                    while !self.at_close() {
                        list.push(self.parse_valtype()?);
                    }
                    self.expect_rparen()?;
                }
                Imm::Select(types)
            }
            K::HeapType => Imm::HeapType(self.parse_heaptype()?),
            K::RefType => Imm::RefType(self.parse_reftype()?),
            K::BrOnCast => {
                let label = self.plain_index("a label")?;
                let a = self.parse_reftype()?;
                let b = self.parse_reftype()?;
                Imm::BrOnCast(Box::new((label, a, b)))
            }
        })
    }

    /// `memidx? offset=N? align=N?`. With `lane_follows`, a lone integer is the lane, not a memory.
    fn parse_memarg(&mut self, natural: u8, lane_follows: bool, relocs: &mut PendingRelocs) -> PResult<MemArg> {
        let memory = if self.peek_kind() == Some(TokenKind::Id)
            || (self.at_u32() && (!lane_follows || self.integer_follows_memory_index()))
        {
            self.parse_index()?
        } else {
            Index::num(0, Span::new(self.prev_end(), self.prev_end()))
        };
        // An annotation where `offset=` would stand relocates the offset (0 when not written);
        // memory indices are never relocated (decisions.md D6).
        let before_offset = self.opt_reloc_annot()?;
        let mut offset = 0;
        if let Some(kw) = self.peek_kw()
            && let Some(v) = kw.strip_prefix("offset=")
        {
            let t = self.bump();
            offset = match literals::parse_u64(v) {
                Some(v) => v,
                None => return Err(self.error(t.span, "malformed memory offset")),
            };
            if let Some(r) = before_offset {
                self.diags.push(
                    crate::diagnostic::Diagnostic::error(
                        r.span,
                        "the relocation of a memory offset follows `offset=N`",
                    )
                    .with_secondary(t.span, "the offset")
                    .with_help(format!("write `{} (@reloc ...)`", self.text(t))),
                );
            }
            self.opt_reloc(1, relocs)?;
        } else if let Some(r) = before_offset {
            relocs.push((1, r));
        }
        let mut align = natural as u32;
        if let Some(kw) = self.peek_kw()
            && let Some(v) = kw.strip_prefix("align=")
        {
            let t = self.bump();
            match literals::parse_u64(v) {
                Some(a) if a.is_power_of_two() => align = a.trailing_zeros(),
                Some(_) => return Err(self.error(t.span, "alignment must be a power of two")),
                None => return Err(self.error(t.span, "malformed alignment")),
            }
        }
        Ok(MemArg { memory, offset, align })
    }

    /// For lane instructions: whether the integer at the cursor is a memory index (another
    /// integer, `offset=` or `align=` follows).
    fn integer_follows_memory_index(&mut self) -> bool {
        match self.peek_nth(1) {
            Some(t) if t.kind == TokenKind::Integer => true,
            Some(t) if t.kind == TokenKind::Keyword => {
                let s = self.text(t);
                s.starts_with("offset=") || s.starts_with("align=")
            }
            _ => false,
        }
    }

    fn parse_lane(&mut self) -> PResult<u8> {
        let (v, span) = self.parse_u32()?;
        u8::try_from(v).map_err(|_| self.error(span, "lane index out of range"))
    }

    /// An integer literal of `bits` bits, returned as its bit pattern.
    fn parse_int_token(&mut self, bits: u32) -> PResult<u64> {
        match self.peek() {
            Some(t) if t.kind == TokenKind::Integer => {
                self.bump();
                let text = self.text(t);
                let v = match bits {
                    32 => literals::parse_i32(text).map(|v| v as u32 as u64),
                    64 => literals::parse_i64(text).map(|v| v as u64),
                    _ => literals::parse_int_bits(text, bits),
                };
                v.ok_or_else(|| self.error(t.span, format!("integer constant out of range for i{bits}")))
            }
            _ => Err(self.expected(&format!("an i{bits} literal"))),
        }
    }

    fn parse_f32_token(&mut self) -> PResult<u32> {
        match self.peek() {
            Some(t) if matches!(t.kind, TokenKind::Integer | TokenKind::Float) => {
                self.bump();
                literals::parse_f32(self.text(t)).ok_or_else(|| self.error(t.span, "malformed f32 constant"))
            }
            _ => Err(self.expected("an f32 literal")),
        }
    }

    fn parse_f64_token(&mut self) -> PResult<u64> {
        match self.peek() {
            Some(t) if matches!(t.kind, TokenKind::Integer | TokenKind::Float) => {
                self.bump();
                literals::parse_f64(self.text(t)).ok_or_else(|| self.error(t.span, "malformed f64 constant"))
            }
            _ => Err(self.expected("an f64 literal")),
        }
    }

    /// `shape lane+` of `v128.const`.
    fn parse_v128(&mut self) -> PResult<[u8; 16]> {
        let Some(shape) = self.peek_kw() else {
            return Err(self.expected("a vector shape (`i8x16`, `i16x8`, `i32x4`, `i64x2`, `f32x4`, `f64x2`)"));
        };
        let (lanes, bits) = match shape {
            "i8x16" => (16, 8),
            "i16x8" => (8, 16),
            "i32x4" | "f32x4" => (4, 32),
            "i64x2" | "f64x2" => (2, 64),
            _ => {
                return Err(self.expected("a vector shape (`i8x16`, `i16x8`, `i32x4`, `i64x2`, `f32x4`, `f64x2`)"));
            }
        };
        self.bump();
        let float = shape.starts_with('f');
        let mut out = [0u8; 16];
        let width = bits / 8;
        for lane in 0..lanes {
            let v: u64 = match (float, bits) {
                (true, 32) => self.parse_f32_token()? as u64,
                (true, _) => self.parse_f64_token()?,
                (false, _) => self.parse_int_token(bits as u32)?,
            };
            out[lane * width..(lane + 1) * width].copy_from_slice(&v.to_le_bytes()[..width]);
        }
        Ok(out)
    }
}
