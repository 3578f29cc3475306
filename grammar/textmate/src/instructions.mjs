// The instruction mnemonics of relwat's assembler, read from its table
// (assembler/src/instructions.rs), and the highlighting category of each.
//
// Reading the table instead of copying it keeps the grammar complete: a new row there changes the
// generated grammar, and `generate.mjs --check` fails until the grammar is regenerated.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const TABLE_PATH = path.resolve(here, "../../../assembler/src/instructions.rs");

/** The mnemonics in table order. */
export function readMnemonics(file = TABLE_PATH) {
  const src = fs.readFileSync(file, "utf8");
  const start = src.indexOf("table! {");
  if (start < 0) throw new Error(`${file}: no \`table! {\` block`);
  const end = src.indexOf("\n}", start);
  const names = [];
  // Rows look like `"i32.load8_s" => B(0x2c), K::MemArg(0);`.
  for (const m of src.slice(start, end).matchAll(/^\s*"([^"]+)"\s*=>/gm)) names.push(m[1]);
  if (names.length < 500) throw new Error(`${file}: only ${names.length} mnemonics found; has the table's format changed?`);
  if (new Set(names).size !== names.length) throw new Error(`${file}: a mnemonic is listed twice`);
  return names;
}

/** Mnemonics without a dot that are not control flow (every other one is). */
const PARAMETRIC = new Set(["drop", "select"]);

/**
 * The category of a mnemonic, as the spec groups instructions: `control` (highlighted as
 * keyword.control) or the last part of support.function.instruction.CATEGORY.wat.
 * Throws for a mnemonic no rule covers, so that a new family is a deliberate decision.
 */
export function category(name) {
  if (PARAMETRIC.has(name)) return "parametric";
  if (name === "pause" || name === "atomic.fence" || /(^|\.)atomic\./.test(name)) return "atomic";
  if (!name.includes(".")) return "control";
  if (/^(local|global)\./.test(name)) return "variable";
  if (/^table\./.test(name) || name === "elem.drop") return "table";
  if (/^memory\./.test(name) || name === "data.drop") return "memory";
  if (/^(i32|i64|f32|f64|v128)\.(load|store)/.test(name)) return "memory";
  if (/^(ref|i31|any|extern)\./.test(name)) return "reference";
  if (/^(struct|array)\./.test(name)) return "aggregate";
  if (/^(v128|i8x16|i16x8|i32x4|i64x2|f16x8|f32x4|f64x2)\./.test(name)) return "vector";
  if (/^(i32|i64|f32|f64)\./.test(name)) return "numeric";
  throw new Error(`no highlighting category for instruction \`${name}\`: add a rule in src/instructions.mjs`);
}

/** The TextMate scope of a mnemonic. */
export function scopeOf(name) {
  const c = category(name);
  return c === "control" ? "keyword.control.wat" : `support.function.instruction.${c}.wat`;
}
