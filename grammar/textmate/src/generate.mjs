#!/usr/bin/env node
// Writes ../wat.tmLanguage.json: the TextMate grammar (scope `source.wat`) of the WebAssembly
// text format with relwat's annotations, the linking annotations highlighted distinctly.
//
//   node src/generate.mjs           write wat.tmLanguage.json
//   node src/generate.mjs --check   exit 1 if wat.tmLanguage.json is not what this would write
//
// Why a generator: the instruction mnemonics come from the assembler's own table (see
// instructions.mjs) and the words of the linking annotations from its linking table (linking.mjs), and the long regular expressions are assembled from named parts, with their
// capture groups numbered here rather than counted by hand. The token rules follow relwat's lexer
// (assembler/src/lexer.rs, literals.rs) and the annotation rules follow grammar/annotations.ebnf.
//
// TextMate grammars see one line at a time, so a construct that must be recognised from its
// opening (a definition's id after `(func`, a section name after `(@custom`) is recognised when it
// is on the same line as its opening, as it is in practice.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readMnemonics, scopeOf } from "./instructions.mjs";
import { readLinkingWords } from "./linking.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const OUTPUT = path.resolve(here, "../wat.tmLanguage.json");
/** The words of the linking annotations, from the assembler's linking table. */
const LW = readLinkingWords();
/** Keyword qualifiers of a table in one group (or, with `other`, in none of the named groups). */
const kwq = (table, ...groups) => table.filter((q) => !q.list && groups.includes(q.group)).map((q) => q.word);
/** List qualifiers of a table whose value is `kind` (uint, string, comdat). */
const listq = (table, kind) =>
  table.filter((q) => q.list && ({ name: "string", comdat: "comdat" }[q.word] ?? "uint") === kind).map((q) => q.word);

// ----- regular expression building blocks (Oniguruma syntax) -----

/** A character of WAT's idchar class (keywords, ids, numbers and reserved tokens). `\x60` is the backquote. */
const IDCHAR = String.raw`[0-9A-Za-z!#$%&'*+\-./:<=>?@\\^_\x60|~]`;
/** A token starts here: no idchar right before. */
const B = `(?<!${IDCHAR})`;
/** A token ends here: no idchar right after (so `i32` does not match in `i32.add` or `i32x4`). */
const E = `(?!${IDCHAR})`;
/** A string on one line (a raw newline ends a string in relwat's lexer). */
const STRING = String.raw`"(?:[^"\\\n]|\\.)*"`;
const DEC = String.raw`[0-9](?:_?[0-9])*`;
const HEX = String.raw`[0-9A-Fa-f](?:_?[0-9A-Fa-f])*`;

/** Escapes a keyword for a regular expression. */
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A set of keywords as one whole-token alternative, longest first (for readability; the E guard makes order irrelevant). */
const words = (list) => `${B}(?:${[...list].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(esc).join("|")})${E}`;

/**
 * Mnemonics as one whole-token alternative, grouped by the part before the first dot
 * (`i32\.(?:add|sub|...)`) so that the expression stays readable.
 */
function mnemonicAlternatives(list) {
  const groups = new Map();
  for (const m of list) {
    const dot = m.indexOf(".");
    const [prefix, rest] = dot < 0 ? ["", m] : [m.slice(0, dot), m.slice(dot + 1)];
    if (!groups.has(prefix)) groups.set(prefix, []);
    groups.get(prefix).push(rest);
  }
  const alt = (xs) => [...xs].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(esc).join("|");
  const parts = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([prefix, rests]) => (prefix === "" ? alt(rests) : `${esc(prefix)}\\.(?:${alt(rests)})`));
  return `${B}(?:${parts.join("|")})${E}`;
}

/**
 * A capturing group: `scope` is a scope name, or an object with `name` and/or `patterns`, or
 * null for a group that only structures the expression.
 */
const cap = (scope, ...parts) => ({ scope, parts });

/**
 * Joins parts (strings: raw regex without capturing groups; `cap` nodes) into a regex and its
 * captures. vscode-textmate re-tokenizes a capture that has `patterns` under the rule's scopes
 * only, dropping the scopes of the captures around it; so such a capture gets their names too.
 */
function compile(parts) {
  let n = 0;
  const captures = {};
  const walk = (ps, outer) =>
    ps
      .map((p) => {
        if (typeof p === "string") return p;
        const i = ++n; // pre-order: the number Oniguruma gives the group
        const spec = typeof p.scope === "string" ? { name: p.scope } : p.scope ? { ...p.scope } : null;
        const names = spec?.name ? [...outer, spec.name] : outer;
        if (spec?.patterns && names.length) spec.name = names.join(" ");
        if (spec) captures[i] = spec;
        return `(${walk(p.parts, names)})`;
      })
      .join("");
  const source = walk(parts, []);
  // Every capturing group must come from `cap`, or the numbering above is wrong.
  const groups = new RegExp(`${source}|`).exec("").length - 1;
  if (groups !== n) throw new Error(`a raw part has a capturing group: ${source}`);
  return { source, captures: Object.keys(captures).length ? captures : undefined };
}

/** A single-match rule. */
function match(name, ...parts) {
  const { source, captures } = compile(parts);
  return clean({ name: name || undefined, match: source, captures });
}

/** A begin/end rule; `begin` and `end` are part lists. */
function region({ name, begin, end, patterns }) {
  const b = compile(begin);
  const e = compile(end);
  return clean({
    name,
    begin: b.source,
    beginCaptures: b.captures,
    end: e.source,
    endCaptures: e.captures,
    patterns,
  });
}

const clean = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
const inc = (...names) => names.map((n) => ({ include: `#${n}` }));

// ----- shared pieces -----

const OPEN = cap("punctuation.section.parens.begin.wat", String.raw`\(`);
const CLOSE = cap("punctuation.section.parens.end.wat", String.raw`\)`);

/** An id (`$x`, `$"a b"`) as one group scoped `scope`, its `$` and the escapes of a quoted id marked inside. */
const id = (scope) =>
  cap(
    scope,
    cap("punctuation.definition.variable.wat", String.raw`\$`),
    "(?:",
    IDCHAR,
    "+|",
    cap({ patterns: inc("escapes") }, STRING),
    ")",
  );

/** An unsigned integer, scoped decimal or hexadecimal. */
const uint = () => [
  "(?:",
  cap("constant.numeric.integer.hexadecimal.wat", `0x${HEX}`),
  "|",
  cap("constant.numeric.integer.decimal.wat", DEC),
  ")",
];

/** `( keyword` opening a list whose head is scoped `headScope`, with an optional same-line id scoped `idScope`. */
const head = (keywords, headScope, idScope) => [
  OPEN,
  String.raw`\s*`,
  cap(headScope, words(keywords)),
  ...(idScope ? [`(?:\\s+`, id(idScope), `)?`] : []),
];

/** A list `( head ... )` inside an annotation. */
const sublist = (keywords, headScope, patterns) =>
  region({
    begin: head(keywords, headScope),
    end: [CLOSE],
    patterns,
  });

/**
 * An annotation `(@name ...)` for the given names (bare, or quoted as relwat also accepts),
 * with `extra` parts allowed right after the name on the same line.
 */
function annotation({ names, meta, nameScope, patterns, extra = [] }) {
  const alt = names.map(esc).join("|");
  return region({
    name: meta,
    begin: [
      cap("punctuation.section.annotation.begin.wat", String.raw`\(`),
      cap(
        nameScope,
        cap("punctuation.definition.annotation.wat", "@"),
        `(?:(?:${alt})${E}|"(?:${alt})")`,
      ),
      ...extra,
    ],
    end: [cap("punctuation.section.annotation.end.wat", String.raw`\)`)],
    patterns,
  });
}

const LINKING = "keyword.other.annotation.linking.wat";
const KNOWN = "keyword.other.annotation.wat";

/** What may follow the meaningful tokens of any annotation body: comments, unknown annotations, then errors. */
const TAIL = ["comments", "annotations", "annotation-invalid-list", "annotation-invalid-token"];

// ----- the grammar -----

function grammar() {
  const mnemonics = readMnemonics();
  const byScope = new Map();
  for (const m of mnemonics) {
    const s = scopeOf(m);
    if (!byScope.has(s)) byScope.set(s, []);
    byScope.get(s).push(m);
  }
  // Control first, then the other families in a stable order.
  const instructionRules = [...byScope.entries()]
    .sort(([a], [b]) => (a === "keyword.control.wat" ? -1 : b === "keyword.control.wat" ? 1 : a < b ? -1 : 1))
    .map(([scope, names]) => match(scope, mnemonicAlternatives(names)));

  // The type keywords of assembler/src/parser/types.rs (REF_SHORTHANDS, ABS_HEAPS, storage types).
  const VALUE_TYPES = ["i32", "i64", "f32", "f64", "v128", "i8", "i16"];
  const REF_TYPES = [
    "funcref", "externref", "anyref", "eqref", "i31ref", "structref", "arrayref", "nullref",
    "nullfuncref", "nullexternref", "exnref", "nullexnref", "contref", "nullcontref",
  ];
  const HEAP_TYPES = [
    "func", "extern", "any", "none", "noextern", "nofunc", "eq", "struct", "array", "i31", "exn",
    "noexn", "cont", "nocont",
  ];
  const SHAPES = ["i8x16", "i16x8", "i32x4", "i64x2", "f32x4", "f64x2"];

  const repository = {
    // The whole language, in the order that decides ties at one position: comments before
    // parens, annotations before parens, list heads before parens, instructions with an id
    // before bare instructions.
    wat: {
      patterns: inc(
        "comments", "annotations", "strings", "list-heads", "parens", "labelled-instructions",
        "instructions", "memarg", "types", "keywords", "numbers", "ids",
      ),
    },

    // ----- comments, strings, literals, ids -----

    comments: { patterns: inc("block-comment", "line-comment") },
    "block-comment": region({
      name: "comment.block.wat",
      begin: [cap("punctuation.definition.comment.begin.wat", String.raw`\(;`)],
      end: [cap("punctuation.definition.comment.end.wat", String.raw`;\)`)],
      patterns: inc("block-comment"), // block comments nest
    }),
    "line-comment": match(
      "comment.line.double-semicolon.wat",
      cap("punctuation.definition.comment.wat", ";;"),
      String.raw`[^\n\r]*`,
    ),

    strings: {
      patterns: [
        region({
          name: "string.quoted.double.wat",
          begin: [cap("punctuation.definition.string.begin.wat", '"')],
          // A raw newline ends an (unterminated) string, as in relwat's lexer.
          end: [cap("punctuation.definition.string.end.wat", '"'), "|$"],
          patterns: inc("escapes"),
        }),
      ],
    },
    escapes: {
      patterns: [
        match("constant.character.escape.wat", String.raw`\\(?:[tnr"'\\]|[0-9A-Fa-f]{2}|u\{${HEX}\})`),
        match("invalid.illegal.escape.wat", String.raw`\\.?`),
      ],
    },

    numbers: {
      patterns: [
        match("constant.numeric.float.infinity.wat", `${B}[+-]?inf${E}`),
        match("constant.numeric.float.nan.wat", `${B}[+-]?nan(?::0x${HEX})?${E}`),
        match(
          "constant.numeric.float.hexadecimal.wat",
          `${B}[+-]?0x${HEX}(?:\\.(?:${HEX})?(?:[pP][+-]?${DEC})?|[pP][+-]?${DEC})${E}`,
        ),
        match(
          "constant.numeric.float.decimal.wat",
          `${B}[+-]?${DEC}(?:\\.(?:${DEC})?(?:[eE][+-]?${DEC})?|[eE][+-]?${DEC})${E}`,
        ),
        match("constant.numeric.integer.hexadecimal.wat", `${B}[+-]?0x${HEX}${E}`),
        match("constant.numeric.integer.decimal.wat", `${B}[+-]?${DEC}${E}`),
      ],
    },

    ids: { patterns: [match(null, B, id("variable.other.wat"))] },

    // ----- module fields, types and instructions -----

    parens: {
      patterns: [match(null, OPEN), match(null, CLOSE)],
    },

    "list-heads": {
      patterns: [
        match(null, ...head(["module"], "storage.type.module.wat", "entity.name.namespace.wat")),
        match(null, ...head(["func"], "storage.type.func.wat", "entity.name.function.wat")),
        match(null, ...head(["type"], "storage.type.type.wat", "entity.name.type.wat")),
        ...["table", "memory", "global", "tag", "elem", "data"].map((kw) =>
          match(null, ...head([kw], `storage.type.${kw}.wat`, `variable.other.${kw}.wat`)),
        ),
        match(null, ...head(["start"], "storage.type.start.wat", "entity.name.function.wat")),
        ...["import", "export", "rec", "struct", "array"].map((kw) =>
          match(null, ...head([kw], `storage.type.${kw}.wat`)),
        ),
        match(null, ...head(["cont"], "storage.type.cont.wat", "entity.name.type.wat")),
        match(
          null,
          OPEN,
          String.raw`\s*`,
          cap("storage.type.sub.wat", words(["sub"])),
          String.raw`(?:\s+`,
          cap("storage.modifier.final.wat", words(["final"])),
          ")?(?:\\s+",
          id("entity.name.type.wat"),
          ")?",
        ),
        match(
          null,
          OPEN,
          String.raw`\s*`,
          cap("support.type.reference.wat", words(["ref"])),
          String.raw`(?:\s+`,
          cap("storage.modifier.null.wat", words(["null"])),
          ")?(?:\\s+",
          id("entity.name.type.wat"),
          ")?",
        ),
        match(null, ...head(["exact"], "storage.modifier.exact.wat", "entity.name.type.wat")),
        match(null, ...head(["describes", "descriptor"], "keyword.other.descriptor.wat", "entity.name.type.wat")),
        match(null, ...head(["param"], "keyword.other.param.wat", "variable.parameter.wat")),
        match(null, ...head(["local"], "keyword.other.local.wat", "variable.other.local.wat")),
        match(null, ...head(["field"], "keyword.other.field.wat", "variable.other.member.wat")),
        match(null, ...head(["result"], "keyword.other.result.wat")),
        match(null, ...head(["mut"], "storage.modifier.mut.wat")),
      ],
    },

    // Instructions whose first immediate names a label or a function: the id gets that meaning.
    "labelled-instructions": {
      patterns: [
        match(
          null,
          B,
          cap("keyword.control.wat", "(?:block|loop|if|try_table|try|end|else|catch_all)"),
          E,
          String.raw`\s+`,
          id("entity.name.label.wat"),
        ),
        match(
          null,
          B,
          cap(
            "keyword.control.wat",
            "(?:br_on_cast_desc_eq_fail|br_on_cast_desc_eq|br_on_cast_fail|br_on_cast|br_on_non_null|br_on_null|br_if|br|rethrow|delegate)",
          ),
          E,
          String.raw`\s+`,
          id("entity.name.label.wat"),
        ),
        match(null, B, cap("keyword.control.wat", "(?:return_call|call)"), E, String.raw`\s+`, id("entity.name.function.wat")),
        match(
          null,
          B,
          cap("support.function.instruction.reference.wat", String.raw`ref\.func`),
          E,
          String.raw`\s+`,
          id("entity.name.function.wat"),
        ),
      ],
    },

    instructions: {
      patterns: [
        ...instructionRules,
        // Not mnemonics but control-flow words of folded forms and try_table clauses.
        match("keyword.control.wat", words(["then", "do", "catch_ref", "catch_all_ref"])),
      ],
    },

    memarg: {
      patterns: [
        match(
          null,
          B,
          cap("entity.other.attribute-name.memarg.wat", "offset|align"),
          cap("keyword.operator.assignment.wat", "="),
          ...uint(),
          E,
        ),
      ],
    },

    types: {
      patterns: [
        match("support.type.primitive.wat", words(VALUE_TYPES)),
        match("support.type.reference.wat", words(REF_TYPES)),
        match("support.type.heap.wat", words(HEAP_TYPES)),
        match("support.type.vector-shape.wat", words(SHAPES)),
      ],
    },

    keywords: {
      patterns: [
        ...["null", "final", "shared", "declare"].map((kw) => match(`storage.modifier.${kw}.wat`, words([kw]))),
        ...["offset", "item", "pagesize"].map((kw) => match(`keyword.other.${kw}.wat`, words([kw]))),
      ],
    },

    // ----- annotations -----

    annotations: {
      patterns: inc(
        "annotation-reloc", "annotation-sym", "annotation-sym-import-data", "annotation-sym-segment",
        "annotation-sym-label", "annotation-comdat", "annotation-relwat-layout", "annotation-custom",
        "annotation-producers", "annotation-name", "annotation-branch-hint", "annotation-empty",
        "annotation-unknown",
      ),
    },

    // (@reloc format? method? modifier? target? addend?)
    "annotation-reloc": annotation({
      names: ["reloc"],
      meta: "meta.annotation.linking.reloc.wat",
      nameScope: LINKING,
      patterns: [
        ...inc("comments"),
        match("storage.type.relocation.format.wat", words(LW.formats)),
        // Other spellings of methods (the proposal's `functbl`): accepted with a warning.
        match("keyword.other.relocation.method.wat", B, cap("invalid.deprecated.relocation.method.wat", LW.methodAliases.map(esc).join("|")), E),
        match(
          "keyword.other.relocation.method.wat",
          words(LW.methods),
        ),
        match("storage.modifier.relocation.wat", words(LW.modifiers)),
        match("constant.language.relocation.none.wat", words([LW.relocNone])),
        // The target (a symbol, an entity number, or a custom section's name); after it an
        // id is a label.
        region({
          begin: [
            B,
            "(?:",
            id("variable.other.symbol.wat"),
            "|",
            cap("variable.other.symbol.wat", ...uint()),
            "|",
            cap("entity.name.section.wat", cap({ name: "string.quoted.double.wat", patterns: inc("escapes") }, STRING)),
            ")",
            E,
          ],
          end: [String.raw`(?=\))`],
          patterns: [
            ...inc("comments", "reloc-addend"),
            match(null, B, id("entity.name.label.wat")),
            ...inc(...TAIL.slice(1)),
          ],
        }),
        ...inc("reloc-addend", ...TAIL.slice(1)),
      ],
    }),
    "reloc-addend": {
      patterns: [match("constant.numeric.integer.addend.wat", `${B}[+-](?:0x${HEX}|${DEC})${E}`)],
    },

    // (@sym $name? qualifier*) | (@sym none)
    "annotation-sym": annotation({
      names: ["sym"],
      meta: "meta.annotation.linking.sym.wat",
      nameScope: LINKING,
      patterns: inc("sym-body"),
    }),
    // (@sym.import.data $name qualifier*): a module field, same syntax as (@sym ...).
    "annotation-sym-import-data": annotation({
      names: ["sym.import.data"],
      meta: "meta.annotation.linking.sym-import-data.wat",
      nameScope: LINKING,
      patterns: inc("sym-body"),
    }),
    "sym-body": {
      patterns: [
        ...inc("comments"),
        match("constant.language.symbol.none.wat", words([LW.symNone])),
        match(null, B, id("variable.other.symbol.declaration.wat")),
        match("storage.modifier.symbol.binding.wat", words(kwq(LW.sym, "binding"))),
        match("storage.modifier.symbol.visibility.wat", words(kwq(LW.sym, "visibility"))),
        match("storage.modifier.symbol.flag.wat", words(LW.sym.filter((q) => !q.list && !["binding", "visibility"].includes(q.group)).map((q) => q.word))),
        sublist(listq(LW.sym, "uint"), "entity.other.attribute-name.symbol.wat", inc("uint-body")),
        sublist(listq(LW.sym, "string"), "entity.other.attribute-name.symbol.wat", inc("string-body")),
        sublist(listq(LW.sym, "comdat"), "entity.other.attribute-name.symbol.wat", inc("comdat-ref-body")),
        ...inc(...TAIL),
      ],
    },
    "uint-body": {
      patterns: [match(null, B, ...uint(), E), ...inc(...TAIL)],
    },
    "string-body": {
      patterns: inc("comments", "strings", ...TAIL.slice(1)),
    },
    "comdat-ref-body": {
      patterns: [
        ...inc("comments"),
        match(null, B, id("variable.other.comdat.wat")),
        match(null, B, ...uint(), E),
        ...inc(...TAIL.slice(1)),
      ],
    },

    // (@sym.segment qualifier*)
    "annotation-sym-segment": annotation({
      names: ["sym.segment"],
      meta: "meta.annotation.linking.sym-segment.wat",
      nameScope: LINKING,
      patterns: [
        ...inc("comments"),
        match("storage.modifier.segment.flag.wat", words(LW.seg.filter((q) => !q.list).map((q) => q.word))),
        sublist(listq(LW.seg, "uint"), "entity.other.attribute-name.segment.wat", inc("uint-body")),
        sublist(listq(LW.seg, "string"), "entity.other.attribute-name.segment.wat", inc("string-body")),
        ...inc(...TAIL),
      ],
    }),

    // (@sym.label $l)
    "annotation-sym-label": annotation({
      names: ["sym.label"],
      meta: "meta.annotation.linking.sym-label.wat",
      nameScope: LINKING,
      patterns: [...inc("comments"), match(null, B, id("entity.name.label.wat")), ...inc(...TAIL)],
    }),

    // (@comdat $c "name"): a declaration at module level.
    "annotation-comdat": annotation({
      names: ["comdat"],
      meta: "meta.annotation.linking.comdat.wat",
      nameScope: LINKING,
      patterns: [
        ...inc("comments"),
        match(null, B, id("variable.other.comdat.declaration.wat")),
        ...inc("strings", ...TAIL),
      ],
    }),
    // (@comdat $c) among the strings of (@custom ...): membership, a reference.
    "annotation-comdat-member": annotation({
      names: ["comdat"],
      meta: "meta.annotation.linking.comdat.wat",
      nameScope: LINKING,
      patterns: inc("comdat-ref-body"),
    }),

    // (@relwat.layout option*): obj2wat's byte-level choices; no annotation may stand inside.
    "annotation-relwat-layout": annotation({
      names: ["relwat.layout"],
      meta: "meta.annotation.linking.relwat-layout.wat",
      nameScope: LINKING,
      patterns: [
        ...inc("comments"),
        sublist(["section-size"], "entity.other.attribute-name.layout.wat", inc("layout-value")),
        sublist(["datacount"], "entity.other.attribute-name.layout.wat", inc("layout-value")),
        sublist(["target-features"], "entity.other.attribute-name.layout.wat", inc("layout-value")),
        sublist(["symbol-order"], "entity.other.attribute-name.layout.wat", [
          ...inc("comments"),
          sublist(["func", "global", "table", "tag", "data"], "keyword.other.symbol-kind.wat", inc("symbol-refs")),
          sublist(["section"], "keyword.other.symbol-kind.wat", inc("comments", "strings", "annotation-invalid-list", "annotation-invalid-token")),
          ...inc("annotation-invalid-list", "annotation-invalid-token"),
        ]),
        sublist(["init-order"], "entity.other.attribute-name.layout.wat", inc("symbol-refs")),
        ...inc("annotation-invalid-list", "annotation-invalid-token"),
      ],
    }),
    "layout-value": {
      patterns: [
        ...inc("comments"),
        match("constant.language.layout.wat", words(["padded", "minimal", "always", "none"])),
        ...inc("annotation-invalid-list", "annotation-invalid-token"),
      ],
    },
    "symbol-refs": {
      patterns: [
        ...inc("comments"),
        match(null, B, id("variable.other.symbol.wat")),
        match(null, B, ...uint(), E),
        ...inc("annotation-invalid-list", "annotation-invalid-token"),
      ],
    },

    // (@custom "name" placement? items): a custom section, possibly with relocations (A13).
    "annotation-custom": annotation({
      names: ["custom"],
      meta: "meta.annotation.custom.wat",
      nameScope: KNOWN,
      extra: [
        String.raw`(?:\s+`,
        cap("entity.name.section.wat", cap({ name: "string.quoted.double.wat", patterns: inc("escapes") }, STRING)),
        ")?",
      ],
      patterns: [
        ...inc("comments"),
        sublist(["before", "after"], "keyword.other.placement.wat", [
          ...inc("comments"),
          match(
            "constant.language.section.wat",
            words(["first", "last", "type", "import", "func", "table", "memory", "global", "export", "start", "elem", "code", "data", "tag"]),
          ),
          ...inc(...TAIL),
        ]),
        ...inc("strings", "annotation-comdat-member", ...TAIL),
      ],
    }),

    // (@producers (language|sdk|processed-by "name" "version")*)
    "annotation-producers": annotation({
      names: ["producers"],
      meta: "meta.annotation.producers.wat",
      nameScope: KNOWN,
      patterns: [
        ...inc("comments"),
        sublist(["language", "sdk", "processed-by"], "entity.other.attribute-name.producers.wat", inc("string-body")),
        ...inc(...TAIL),
      ],
    }),

    // (@name "...")
    "annotation-name": annotation({
      names: ["name"],
      meta: "meta.annotation.name.wat",
      nameScope: KNOWN,
      patterns: inc("string-body"),
    }),

    // (@metadata.code.branch_hint "\00" | "\01")
    "annotation-branch-hint": annotation({
      names: ["metadata.code.branch_hint"],
      meta: "meta.annotation.branch-hint.wat",
      nameScope: KNOWN,
      patterns: inc("string-body"),
    }),

    // `(@` with no name, or an empty quoted one: malformed, but it still opens a list.
    "annotation-empty": region({
      name: "meta.annotation.wat",
      begin: [
        cap("punctuation.section.annotation.begin.wat", String.raw`\(`),
        cap("invalid.illegal.annotation.wat", `@(?:""|(?!${IDCHAR}|"))`),
      ],
      end: [cap("punctuation.section.annotation.end.wat", String.raw`\)`)],
      patterns: inc("annotation-tokens"),
    }),

    // Any other annotation: relwat skips it. Its contents are any tokens, parens balanced.
    "annotation-unknown": region({
      name: "meta.annotation.wat",
      begin: [
        cap("punctuation.section.annotation.begin.wat", String.raw`\(`),
        cap(KNOWN, cap("punctuation.definition.annotation.wat", "@"), `(?:${IDCHAR}+|${STRING})`),
      ],
      end: [cap("punctuation.section.annotation.end.wat", String.raw`\)`)],
      patterns: inc("annotation-tokens"),
    }),
    "annotation-tokens": {
      patterns: [
        ...inc("comments", "annotations", "strings"),
        region({ begin: [OPEN], end: [CLOSE], patterns: inc("annotation-tokens") }),
        ...inc("numbers", "ids"),
      ],
    },

    // Inside a known annotation: a list or token that the parser rejects there.
    "annotation-invalid-list": region({
      begin: [OPEN, String.raw`\s*`, `(?:`, cap("invalid.illegal.annotation.wat", `${IDCHAR}+`), `)?`],
      end: [CLOSE],
      patterns: inc("annotation-tokens"),
    }),
    "annotation-invalid-token": {
      patterns: [
        match("invalid.illegal.annotation.wat", `${B}${IDCHAR}+`),
        match("invalid.illegal.annotation.wat", String.raw`"(?:[^"\\\n]|\\.)*"?`),
      ],
    },
  };

  return {
    information_for_contributors: [
      "Generated by src/generate.mjs (run `npm run generate` in grammar/textmate); do not edit by hand.",
      "Instruction mnemonics come from assembler/src/instructions.rs; annotations follow grammar/annotations.ebnf.",
    ],
    name: "WebAssembly Text (relwat)",
    scopeName: "source.wat",
    fileTypes: ["wat"],
    patterns: inc("wat"),
    repository,
  };
}

function render() {
  return `${JSON.stringify(clean(grammar()), null, 2)}\n`;
}

function main() {
  const text = render();
  if (process.argv.includes("--check")) {
    const current = fs.existsSync(OUTPUT) ? fs.readFileSync(OUTPUT, "utf8") : "";
    if (current !== text) {
      console.error(
        `${path.relative(process.cwd(), OUTPUT)} is out of date (the generator or assembler/src/instructions.rs changed): run \`npm run generate\` in grammar/textmate`,
      );
      process.exit(1);
    }
    return;
  }
  fs.writeFileSync(OUTPUT, text);
}

main();
