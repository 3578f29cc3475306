#!/usr/bin/env node
// Writes the block of linking words in grammar/tree-sitter-wat/grammar.js from the assembler's
// linking table (assembler/src/linking.rs, read by linking.mjs). The block lies between the
// `// BEGIN linking words` and `// END linking words` lines. tree-sitter evaluates grammar.js in
// its own JavaScript runtime, which reads no files, so the words are written into it.
//
//   node src/linking-words.mjs           rewrite the block
//   node src/linking-words.mjs --check   exit 1 if the block is not what this would write

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readLinkingWords } from "./linking.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const GRAMMAR = path.resolve(here, "../../tree-sitter-wat/grammar.js");
const BEGIN = "// BEGIN linking words";
const END = "// END linking words";

const w = readLinkingWords();
const q = (table) => Object.fromEntries(table.map((x) => [x.word, { list: x.list, group: x.group }]));
const block = [
  `${BEGIN}: generated from assembler/src/linking.rs by grammar/textmate/src/linking-words.mjs.`,
  `const LINKING_WORDS = ${JSON.stringify(
    {
      formats: w.formats,
      methods: w.methodsWithAliases,
      modifiers: w.modifiers,
      relocNone: w.relocNone,
      symNone: w.symNone,
      sym: q(w.sym),
      seg: q(w.seg),
    },
    null,
    2,
  )};`,
  END,
].join("\n");

const text = fs.readFileSync(GRAMMAR, "utf8");
const a = text.indexOf(BEGIN);
const b = text.indexOf(END);
if (a < 0 || b < a) throw new Error(`${GRAMMAR}: no \`${BEGIN}\` ... \`${END}\` block`);
const next = text.slice(0, a) + block + text.slice(b + END.length);
if (process.argv.includes("--check")) {
  if (next !== text) {
    console.error(`${GRAMMAR}: the linking words are out of date; run node grammar/textmate/src/linking-words.mjs`);
    process.exit(1);
  }
  console.log("linking words: up to date");
} else if (next !== text) {
  fs.writeFileSync(GRAMMAR, next);
}
