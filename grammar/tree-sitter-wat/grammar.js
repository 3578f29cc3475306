/**
 * @file WebAssembly text format (WAT) with the tool-conventions linking annotations
 * @license Apache-2.0 WITH LLVM-exception
 *
 * The grammar follows relwat's parser (assembler/src/parser/, assembler/src/lexer.rs). It is
 * strict where the structure matters to an editor (module fields, block structure, the linking
 * annotations) and open where the text format is open-ended: an instruction is a generic
 * `instr_name` token followed by immediates, so the ~600 mnemonics need no rules of their own.
 * Unknown annotations `(@foo ...)` are extras and may stand anywhere, as in the annotations
 * proposal.
 */

/// <reference types="tree-sitter-cli/dsl" />
// @ts-check

// BEGIN linking words: generated from assembler/src/linking.rs by grammar/textmate/src/linking-words.mjs.
const LINKING_WORDS = {
  "formats": [
    "i32",
    "i64",
    "leb",
    "sleb",
    "leb64",
    "sleb64"
  ],
  "methods": [
    "tag",
    "table",
    "global",
    "func",
    "functable",
    "functbl",
    "functext",
    "customtext",
    "data"
  ],
  "modifiers": [
    "pic",
    "tls"
  ],
  "relocNone": "none",
  "symNone": "none",
  "sym": {
    "global": {
      "list": false,
      "group": "binding"
    },
    "local": {
      "list": false,
      "group": "binding"
    },
    "weak": {
      "list": false,
      "group": "binding"
    },
    "default": {
      "list": false,
      "group": "visibility"
    },
    "hidden": {
      "list": false,
      "group": "visibility"
    },
    "retain": {
      "list": false,
      "group": "retain"
    },
    "tls": {
      "list": false,
      "group": "tls"
    },
    "size": {
      "list": true,
      "group": "size"
    },
    "offset": {
      "list": true,
      "group": "offset"
    },
    "name": {
      "list": true,
      "group": "name"
    },
    "init_prio": {
      "list": true,
      "group": "init_prio"
    },
    "comdat": {
      "list": true,
      "group": "comdat"
    }
  },
  "seg": {
    "strings": {
      "list": false,
      "group": "strings"
    },
    "tls": {
      "list": false,
      "group": "tls"
    },
    "retain": {
      "list": false,
      "group": "retain"
    },
    "align": {
      "list": true,
      "group": "align"
    },
    "name": {
      "list": true,
      "group": "name"
    }
  }
};
// END linking words
/** Keyword qualifiers of a table, in the given groups (or, with `not`, in none of them). */
const kwq = (table, groups, not = false) =>
  Object.keys(table).filter((w) => !table[w].list && groups.includes(table[w].group) !== not);

// Characters of ids, keywords and numbers (the spec's idchar).
const IDCHAR = "[0-9A-Za-z!#$%&'*+\\-./:<=>?@\\\\^_`|~]";
const NUM = '[0-9](_?[0-9])*';
const HEXNUM = '[0-9a-fA-F](_?[0-9a-fA-F])*';
const NAT = `(0x${HEXNUM}|${NUM})`;
const QUOTED = '"([^"\\\\]|\\\\.)*"';

// Keywords that may stand as immediates of a plain instruction: abstract heap types
// (`ref.null func`), reference type abbreviations (`br_on_cast 0 anyref (ref $t)`) and vector
// shapes (`v128.const i32x4 ...`). None of them is a mnemonic, so a flat instruction sequence
// stays unambiguous.
const ABSTRACT_HEAP_TYPES = [
  'func', 'extern', 'any', 'eq', 'i31', 'struct', 'array', 'none', 'nofunc', 'noextern',
  'exn', 'noexn', 'cont', 'nocont',
];
const REF_TYPE_ABBREVIATIONS = [
  'funcref', 'externref', 'anyref', 'eqref', 'i31ref', 'structref', 'arrayref', 'nullref',
  'nullfuncref', 'nullexternref', 'exnref', 'nullexnref', 'contref', 'nullcontref',
];
const NUMBER_TYPES = ['i32', 'i64', 'f32', 'f64', 'v128'];
const VECTOR_SHAPES = ['i8x16', 'i16x8', 'i32x4', 'i64x2', 'f32x4', 'f64x2'];

// Sections a custom section can be placed before or after.
const SECTION_ANCHORS = [
  'type', 'import', 'func', 'table', 'memory', 'global', 'export', 'start', 'elem', 'code',
  'data', 'tag', 'first', 'last',
];

/**
 * `( keyword ... )`.
 * @param {string} keyword
 * @param {RuleOrLiteral[]} rules
 */
function list(keyword, ...rules) {
  return seq('(', keyword, ...rules, ')');
}

// The parts below are spliced into their rules rather than being rules of their own: the parser
// then needs no reduction between a definition's header and its body, which both start with `(`,
// and so no lookahead beyond that parenthesis.

/**
 * `$id? (@sym ...)* (export "n")* (import "m" "f")?` at the start of a definition.
 * @param {any} $
 */
function entityHeader($) {
  return seq(
    optional(field('id', $.id)),
    repeat($.sym_annotation),
    repeat($.inline_export),
    optional($.inline_import),
  );
}

/**
 * `(type x)? (param ...)* (result ...)*`: a type use, or a block type.
 * @param {any} $
 */
function typeUse($) {
  return seq(optional($.type_use), repeat($.param), repeat($.result));
}

/**
 * `end $label?`
 * @param {any} $
 */
function end($) {
  return seq('end', optional(field('end_label', $.id)));
}

/**
 * The opening token of a known annotation: `(@name` or, equally, `(@"name"` (not decoded:
 * `(@"r\65loc"` stays an unknown annotation). Both spellings become the node `(@name`.
 * @param {string} name
 */
function annot(name) {
  return choice(`(@${name}`, alias(`(@"${name}"`, `(@${name}`));
}

module.exports = grammar({
  name: 'wat',

  externals: $ => [
    $.block_comment,
    $._string_content,
    // Never produced: valid only during error recovery, when the scanner must not read strings.
    $._error_sentinel,
  ],

  extras: $ => [/\s/, $.comment, $.block_comment, $.annotation],

  word: $ => $.instr_name,

  conflicts: $ => [
    // A flat instruction followed by `(`: a parenthesized immediate (`call_indirect (type 0)`)
    // or the next, folded, instruction (`drop (i32.const 0)`). The token after `(` decides.
    [$.plain_instr],
  ],

  rules: {
    source_file: $ => repeat(choice($.module, $._module_field)),

    module: $ => list('module', optional(field('id', $.id)), repeat($._module_field)),

    _module_field: $ => choice(
      $.type_definition,
      $.rec_group,
      $.import,
      $.function,
      $.table,
      $.memory,
      $.global,
      $.tag,
      $.export,
      $.start,
      $.elem_segment,
      $.data_segment,
      $.custom_annotation,
      $.producers_annotation,
      $.comdat_annotation,
      $.data_import_annotation,
      $.layout_annotation,
    ),

    // ----- Tokens

    id: _ => token(seq('$', choice(new RegExp(`${IDCHAR}+`), new RegExp(QUOTED)))),

    // Mnemonics and every other keyword (keywords are extracted from this token).
    instr_name: _ => new RegExp(`[a-z]${IDCHAR}*`),

    integer: _ => token(new RegExp(`[+-]?${NAT}`)),

    // Above the keyword token: `inf` and `nan:0x1` start with a letter.
    float: _ => token(prec(2, new RegExp(
      '[+-]?(' +
      `${NUM}(\\.(${NUM})?([eE][+-]?${NUM})?|[eE][+-]?${NUM})` +
      `|0x${HEXNUM}(\\.(${HEXNUM})?([pP][+-]?${NUM})?|[pP][+-]?${NUM})` +
      `|inf|nan(:0x${HEXNUM})?` +
      ')',
    ))),

    // `offset=N`, `align=N`: one token each, as in the spec's lexical grammar.
    memarg: _ => token(prec(2, new RegExp(`(offset|align)=${NAT}`))),

    string: $ => seq(
      '"',
      repeat(choice($._string_content, $.escape_sequence)),
      token.immediate('"'),
    ),

    escape_sequence: _ => token.immediate(seq(
      '\\',
      choice(/[tnr"'\\]/, /[0-9a-fA-F]{2}/, /u\{[0-9a-fA-F](_?[0-9a-fA-F])*\}/),
    )),

    comment: _ => token(seq(';;', /[^\n\r]*/)),

    // ----- Generic annotations `(@name ...)` with balanced parentheses

    annotation: $ => seq(
      field('name', $.annotation_name),
      repeat($._annotation_item),
      ')',
    ),

    // The opening parenthesis is part of the token: `( @a` is not an annotation.
    annotation_name: _ => token(seq('(@', choice(new RegExp(`${IDCHAR}+`), new RegExp(QUOTED)))),

    _annotation_item: $ => choice($.string, $.annotation_token, $.annotation_group),

    // Inside annotations any token is allowed, including `,` `;` `[` `]` `{` `}`.
    annotation_token: _ => token(choice(/[^\s()";]+/, ';')),

    annotation_group: $ => seq('(', repeat($._annotation_item), ')'),

    // ----- Types

    _index: $ => choice($.id, $.integer),

    value_type: _ => choice(...NUMBER_TYPES, ...REF_TYPE_ABBREVIATIONS),

    _ref_type_abbreviation: _ => choice(...REF_TYPE_ABBREVIATIONS),

    packed_type: _ => choice('i8', 'i16'),

    heap_type: $ => choice(
      ...ABSTRACT_HEAP_TYPES,
      list('exact', choice(...ABSTRACT_HEAP_TYPES, $._index)),
    ),

    ref_type: $ => list(
      'ref',
      optional(field('null', 'null')),
      field('heap_type', choice($.heap_type, $._index)),
    ),

    _value_type: $ => choice($.value_type, $.ref_type),

    _storage_type: $ => choice($._value_type, $.packed_type),

    mut_type: $ => list('mut', $._storage_type),

    _field_type: $ => choice($._storage_type, $.mut_type),

    type_use: $ => list('type', field('index', $._index)),

    param: $ => list('param', optional(field('id', $.id)), repeat($._value_type)),

    result: $ => list('result', repeat($._value_type)),

    local: $ => list('local', optional(field('id', $.id)), repeat($._value_type)),

    type_definition: $ => list(
      'type',
      optional(field('id', $.id)),
      repeat(choice($.describes_clause, $.descriptor_clause)),
      field('type', choice($.sub_type, $._composite_type)),
    ),

    rec_group: $ => list('rec', repeat($.type_definition)),

    sub_type: $ => list(
      'sub',
      optional('final'),
      repeat(field('supertype', $._index)),
      repeat(choice($.describes_clause, $.descriptor_clause)),
      $._composite_type,
    ),

    describes_clause: $ => list('describes', field('index', $._index)),

    descriptor_clause: $ => list('descriptor', field('index', $._index)),

    _composite_type: $ => choice($.func_type, $.struct_type, $.array_type, $.cont_type),

    func_type: $ => list('func', repeat($.param), repeat($.result)),

    struct_type: $ => list('struct', repeat($.field)),

    field: $ => list('field', optional(field('id', $.id)), repeat($._field_type)),

    array_type: $ => list('array', choice($._field_type, $.field)),

    cont_type: $ => list('cont', field('index', $._index)),

    // ----- Module fields

    inline_export: $ => list('export', field('name', $.string)),

    inline_import: $ => list('import', field('module', $.string), field('name', $.string)),

    function: $ => list(
      'func',
      entityHeader($),
      typeUse($),
      repeat($.local),
      repeat($._instr),
    ),

    table: $ => list(
      'table',
      entityHeader($),
      optional(field('address_type', $.address_type)),
      optional($.limits),
      // Only reference types: `i32`/`i64` here would be read as the address type.
      optional(field('type', choice($.ref_type, alias($._ref_type_abbreviation, $.value_type)))),
      optional($.inline_elem),
      repeat($._instr),
    ),

    memory: $ => list(
      'memory',
      entityHeader($),
      optional(field('address_type', $.address_type)),
      optional($.limits),
      optional(choice('shared', 'unshared')),
      optional($.page_size),
      optional($.inline_data),
    ),

    address_type: _ => choice('i32', 'i64'),

    limits: $ => seq(field('min', $.integer), optional(field('max', $.integer))),

    page_size: $ => list('pagesize', field('value', $.integer)),

    inline_elem: $ => list('elem', repeat(choice($._index, $.item, $._folded_instr))),

    inline_data: $ => list('data', repeat($.string)),

    global: $ => list(
      'global',
      entityHeader($),
      field('type', choice($._value_type, $.mut_type)),
      repeat($._instr),
    ),

    tag: $ => list('tag', entityHeader($), typeUse($)),

    import: $ => list(
      'import',
      field('module', $.string),
      field('name', $.string),
      field('description', choice($.function, $.table, $.memory, $.global, $.tag)),
    ),

    export: $ => list(
      'export',
      field('name', $.string),
      field('description', $.export_description),
    ),

    export_description: $ => list(
      field('kind', choice('func', 'table', 'memory', 'global', 'tag')),
      field('index', $._index),
    ),

    start: $ => list('start', field('index', $._index)),

    // The forms of the spec and their abbreviations (`(elem (i32.const 0) $f)`), and the legacy
    // table index (`(elem 0 (offset ...) ...)`). An id right after `elem` is the segment's id.
    elem_segment: $ => list(
      'elem',
      optional(field('id', $.id)),
      optional(seq($._elem_item, repeat(choice($._elem_item, $.id)))),
    ),

    _elem_item: $ => choice(
      'declare',
      'func',
      $.value_type,
      $.ref_type,
      $.table_use,
      $.offset,
      $.item,
      $.integer,
      $._folded_instr,
    ),

    table_use: $ => list('table', field('index', $._index)),

    memory_use: $ => list('memory', field('index', $._index)),

    offset: $ => list('offset', repeat($._instr)),

    item: $ => list('item', repeat($._instr)),

    data_segment: $ => list(
      'data',
      optional(field('id', $.id)),
      optional($.segment_annotation),
      // `(memory x)?` and the offset; a bare integer is the legacy memory index.
      repeat(choice($.memory_use, $.offset, $.integer, $._folded_instr)),
      repeat($._data_item),
    ),

    // Strings with linking annotations between them (data segments and custom sections).
    _data_item: $ => choice(
      $.string,
      $.sym_annotation,
      $.reloc_annotation,
      $.label_annotation,
      $.comdat_annotation,
    ),

    // ----- Instructions

    _instr: $ => choice(
      $.plain_instr,
      $.block_instr,
      $.if_instr,
      $.try_table_instr,
      $.try_instr,
      $._folded_instr,
      $.label_annotation,
    ),

    _folded_instr: $ => choice(
      $.folded_instr,
      alias($.folded_block_instr, $.block_instr),
      alias($.folded_if_instr, $.if_instr),
      alias($.folded_try_table_instr, $.try_table_instr),
      alias($.folded_try_instr, $.try_instr),
    ),

    _immediate: $ => choice(
      $.id,
      $.integer,
      $.float,
      $.memarg,
      $.vector_shape,
      $.heap_type,
      $.value_type,
      $.ref_type,
      $.type_use,
      $.param,
      $.result,
      $.reloc_annotation,
    ),

    vector_shape: _ => choice(...VECTOR_SHAPES),

    plain_instr: $ => seq(field('name', $.instr_name), repeat($._immediate)),

    folded_instr: $ => seq(
      '(',
      field('name', $.instr_name),
      repeat($._immediate),
      repeat($._folded_instr),
      ')',
    ),

    block_instr: $ => seq(
      field('kind', choice('block', 'loop')),
      optional(field('label', $.id)),
      typeUse($),
      repeat($._instr),
      end($),
    ),

    folded_block_instr: $ => seq(
      '(',
      field('kind', choice('block', 'loop')),
      optional(field('label', $.id)),
      typeUse($),
      repeat($._instr),
      ')',
    ),

    if_instr: $ => seq(
      'if',
      optional(field('label', $.id)),
      typeUse($),
      repeat($._instr),
      optional($.else_block),
      end($),
    ),

    else_block: $ => seq('else', optional(field('label', $.id)), repeat($._instr)),

    folded_if_instr: $ => seq(
      '(',
      'if',
      optional(field('label', $.id)),
      typeUse($),
      repeat(field('condition', $._folded_instr)),
      $.then_block,
      optional(alias($.folded_else_block, $.else_block)),
      ')',
    ),

    then_block: $ => list('then', repeat($._instr)),

    folded_else_block: $ => list('else', repeat($._instr)),

    try_table_instr: $ => seq(
      'try_table',
      optional(field('label', $.id)),
      typeUse($),
      repeat($.catch_clause),
      repeat($._instr),
      end($),
    ),

    folded_try_table_instr: $ => seq(
      '(',
      'try_table',
      optional(field('label', $.id)),
      typeUse($),
      repeat($.catch_clause),
      repeat($._instr),
      ')',
    ),

    catch_clause: $ => choice(
      list(
        field('kind', choice('catch', 'catch_ref')),
        field('tag', $._index),
        optional($.reloc_annotation),
        field('label', $._index),
      ),
      list(field('kind', choice('catch_all', 'catch_all_ref')), field('label', $._index)),
    ),

    // Legacy exception handling: `try ... catch $e ... catch_all ... end` or `... delegate l`.
    try_instr: $ => seq(
      'try',
      optional(field('label', $.id)),
      typeUse($),
      repeat($._instr),
      choice(
        seq(repeat($.catch_block), optional($.catch_all_block), end($)),
        $.delegate,
      ),
    ),

    catch_block: $ => seq(
      'catch',
      repeat1(field('index', $._index)),
      optional($.reloc_annotation),
      repeat($._instr),
    ),

    catch_all_block: $ => seq('catch_all', optional(field('label', $.id)), repeat($._instr)),

    delegate: $ => seq('delegate', field('label', $._index), optional($.reloc_annotation)),

    folded_try_instr: $ => seq(
      '(',
      'try',
      optional(field('label', $.id)),
      typeUse($),
      $.do_block,
      choice(
        seq(
          repeat(alias($.folded_catch_block, $.catch_block)),
          optional(alias($.folded_catch_all_block, $.catch_all_block)),
        ),
        alias($.folded_delegate, $.delegate),
      ),
      ')',
    ),

    do_block: $ => list('do', repeat($._instr)),

    folded_catch_block: $ => list(
      'catch',
      field('index', $._index),
      optional($.reloc_annotation),
      repeat($._instr),
    ),

    folded_catch_all_block: $ => list('catch_all', repeat($._instr)),

    folded_delegate: $ => list('delegate', field('label', $._index), optional($.reloc_annotation)),

    // ----- Linking annotations

    // `(@sym $name? qualifier*)` or `(@sym none)`.
    sym_annotation: $ => seq(
      annot('sym'),
      choice(
        field('none', LINKING_WORDS.symNone),
        seq(optional(field('name', $.id)), repeat($._sym_qualifier)),
      ),
      ')',
    ),

    // `(@sym.import.data $name qualifier*)`: an undefined (or absolute) data symbol.
    data_import_annotation: $ => seq(
      annot('sym.import.data'),
      optional(field('name', $.id)),
      repeat($._sym_qualifier),
      ')',
    ),

    _sym_qualifier: $ => choice(
      $.sym_binding,
      $.sym_visibility,
      $.sym_flag,
      $.sym_size,
      $.sym_offset,
      $.sym_name,
      $.sym_init_prio,
      $.sym_comdat,
    ),

    sym_binding: _ => choice(...kwq(LINKING_WORDS.sym, ['binding'])),

    sym_visibility: _ => choice(...kwq(LINKING_WORDS.sym, ['visibility'])),

    sym_flag: _ => choice(...kwq(LINKING_WORDS.sym, ['binding', 'visibility'], true)),

    sym_size: $ => list('size', field('value', $.integer)),

    sym_offset: $ => list('offset', field('value', $.integer)),

    sym_name: $ => list('name', field('value', $.string)),

    sym_init_prio: $ => list('init_prio', field('value', $.integer)),

    sym_comdat: $ => list('comdat', field('comdat', $._index)),

    // `(@sym.segment qualifier*)` after a data segment's id.
    segment_annotation: $ => seq(
      annot('sym.segment'),
      repeat(choice($.segment_align, $.segment_name, $.segment_flag)),
      ')',
    ),

    segment_align: $ => list('align', field('value', $.integer)),

    segment_name: $ => list('name', field('value', $.string)),

    segment_flag: _ => choice(...kwq(LINKING_WORDS.seg, [], true)),

    // `(@reloc format? method? modifier? target? addend?)`; the components keep this order.
    reloc_annotation: $ => seq(
      annot('reloc'),
      optional(field('format', $.reloc_format)),
      optional(field('method', $.reloc_method)),
      optional(field('modifier', $.reloc_modifier)),
      optional(choice(
        seq(
          field('target', choice(alias($._unsigned_integer, $.integer), $.id, $.string, LINKING_WORDS.relocNone)),
          optional(field('addend', choice($.reloc_addend, $.id))),
        ),
        field('addend', $.reloc_addend),
      )),
      ')',
    ),

    reloc_format: _ => choice(...LINKING_WORDS.formats),

    reloc_method: _ => choice(...LINKING_WORDS.methods),

    reloc_modifier: _ => choice(...LINKING_WORDS.modifiers),

    // An addend has a sign; an unsigned number after the method is the target index.
    reloc_addend: _ => token(new RegExp(`[+-]${NAT}`)),

    _unsigned_integer: _ => token(new RegExp(NAT)),

    // `(@sym.label $l)` before an instruction or among data strings.
    label_annotation: $ => seq(annot('sym.label'), field('name', $.id), ')'),

    // `(@comdat $c "name")` as a module field; `(@comdat $c)` among custom section contents.
    comdat_annotation: $ => seq(
      annot('comdat'),
      field('id', $._index),
      optional(field('name', $.string)),
      ')',
    ),

    // `(@custom "name" (before|after anchor)? item*)`.
    custom_annotation: $ => seq(
      annot('custom'),
      field('name', $.string),
      optional($.custom_placement),
      repeat($._data_item),
      ')',
    ),

    custom_placement: $ => list(
      field('position', choice('before', 'after')),
      field('anchor', alias(choice(...SECTION_ANCHORS), $.section_anchor)),
    ),

    // `(@producers (language|sdk|processed-by "name" "version")*)`.
    producers_annotation: $ => seq(annot('producers'), repeat($.producers_field), ')'),

    producers_field: $ => list(
      field('kind', choice('language', 'sdk', 'processed-by')),
      field('name', $.string),
      field('version', $.string),
    ),

    // `(@relwat.layout option*)`: what obj2wat records about an object's byte layout.
    layout_annotation: $ => seq(annot('relwat.layout'), repeat($._layout_option), ')'),

    _layout_option: $ => choice(
      $.layout_section_size,
      $.layout_datacount,
      $.layout_target_features,
      $.layout_symbol_order,
      $.layout_init_order,
    ),

    layout_section_size: _ => list('section-size', field('value', choice('padded', 'minimal'))),

    layout_datacount: _ => list('datacount', field('value', 'always')),

    layout_target_features: _ => list('target-features', field('value', 'none')),

    layout_symbol_order: $ => list('symbol-order', repeat($.symbol_group)),

    symbol_group: $ => choice(
      list(field('kind', choice('func', 'global', 'table', 'tag', 'data')), repeat(field('symbol', $._index))),
      list(field('kind', 'section'), repeat(field('symbol', $.string))),
    ),

    layout_init_order: $ => list('init-order', repeat(field('function', $._index))),
  },
});
