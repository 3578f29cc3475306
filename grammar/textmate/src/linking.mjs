// The words of the linking annotations, read from the assembler's linking table
// (assembler/src/linking.rs), for both grammars: the TextMate generator (generate.mjs) and the
// generated block of the tree-sitter grammar (linking-words.mjs). A new word there changes both,
// and their checks fail until they are regenerated.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const LINKING_PATH = path.resolve(here, "../../../assembler/src/linking.rs");

/** The body of `pub const NAME: ... = &[ ... ];` in the table's text. */
function tableBody(src, name) {
  const start = src.indexOf(`pub const ${name}:`);
  if (start < 0) throw new Error(`${LINKING_PATH}: no table \`${name}\``);
  const open = src.indexOf("&[", start);
  const end = src.indexOf("];", open);
  if (open < 0 || end < 0) throw new Error(`${LINKING_PATH}: table \`${name}\` has changed its form`);
  return src.slice(open + 2, end);
}

/** Rows `("word", ...)` of a word table, as words. */
function words(src, name) {
  const list = [...tableBody(src, name).matchAll(/\("([^"]+)",/g)].map((m) => m[1]);
  if (list.length === 0) throw new Error(`${LINKING_PATH}: no rows in \`${name}\``);
  return list;
}

/** Rows `q("word", list, "group", "meaning")` of a qualifier table. */
function qualifiers(src, name) {
  const list = [...tableBody(src, name).matchAll(/q\("([^"]+)", (true|false), "([^"]+)",/gm)].map((m) => ({
    word: m[1],
    list: m[2] === "true",
    group: m[3],
  }));
  if (list.length === 0) throw new Error(`${LINKING_PATH}: no rows in \`${name}\``);
  return list;
}

/** Rows `("word", Enum::Variant)` of a word table, as [word, variant] pairs. */
function pairs(src, name) {
  return [...tableBody(src, name).matchAll(/\("([^"]+)", \w+::(\w+)\)/g)].map((m) => [m[1], m[2]]);
}

/** The method words, each followed by its other spellings. */
function methodsWithAliases(src) {
  const aliases = pairs(src, "METHOD_ALIASES");
  return pairs(src, "METHOD_WORDS").flatMap(([w, v]) => [w, ...aliases.filter(([, a]) => a === v).map(([a]) => a)]);
}

/** Every word of the linking annotations, by where it stands. */
export function readLinkingWords(file = LINKING_PATH) {
  const src = fs.readFileSync(file, "utf8");
  const none = (name) => {
    const m = src.match(new RegExp(`pub const ${name}: &str = "([^"]+)";`));
    if (!m) throw new Error(`${file}: no \`${name}\``);
    return m[1];
  };
  return {
    formats: words(src, "FORMAT_WORDS"),
    methods: words(src, "METHOD_WORDS"),
    methodAliases: words(src, "METHOD_ALIASES"),
    methodsWithAliases: methodsWithAliases(src),
    modifiers: words(src, "MODIFIER_WORDS"),
    relocNone: none("RELOC_NONE"),
    symNone: none("SYM_NONE"),
    sym: qualifiers(src, "SYM_QUALIFIERS"),
    seg: qualifiers(src, "SEG_QUALIFIERS"),
  };
}
