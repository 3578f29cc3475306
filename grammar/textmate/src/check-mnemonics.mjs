#!/usr/bin/env node
// Checks, with the same engine as VS Code (vscode-textmate + vscode-oniguruma), that the grammar
// highlights every mnemonic of the assembler's table (assembler/src/instructions.rs) as one
// instruction token of its category, flat and folded, and that near misses are not instructions.
// The snapshots cannot cover 580 mnemonics; this can, and it fails when the table grows.

import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { readMnemonics, scopeOf } from "./instructions.mjs";

const require = createRequire(import.meta.url);
const tm = require("vscode-textmate");
const onig = require("vscode-oniguruma");

const here = path.dirname(fileURLToPath(import.meta.url));
const GRAMMAR = path.resolve(here, "../wat.tmLanguage.json");

/** Words that look like instructions but are not in relwat's table (old names, typos, partial names). */
const NOT_INSTRUCTIONS = [
  "get_local", "set_global", "i32.wrap/i64", "i32.frob", "i32.addx", "i32.add_", "local.gett",
  "i32x4.add_s", "v128.load8", "memory.atomic.wait16", "br_table2", "call.", "nop.", "i32.",
  "i32.const0", "ref.func.x", "atomic.fence_", "i64.atomic.rmw.add_u",
];

async function loadGrammar() {
  const wasm = fs.readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm")).buffer;
  await onig.loadWASM(wasm);
  const registry = new tm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new onig.OnigScanner(patterns),
      createOnigString: (s) => new onig.OnigString(s),
    }),
    loadGrammar: async (scopeName) =>
      scopeName === "source.wat" ? tm.parseRawGrammar(fs.readFileSync(GRAMMAR, "utf8"), GRAMMAR) : null,
  });
  return registry.loadGrammar("source.wat");
}

/** The token that starts at `start` in `line`, or undefined. */
function tokenAt(grammar, line, start) {
  const { tokens } = grammar.tokenizeLine(line, tm.INITIAL);
  return tokens.find((t) => t.startIndex === start);
}

const isInstructionScope = (s) => s === "keyword.control.wat" || s.startsWith("support.function.instruction.");

async function main() {
  const grammar = await loadGrammar();
  const failures = [];
  let passed = 0;
  for (const name of readMnemonics()) {
    const want = scopeOf(name);
    // Flat (with an immediate-like token after it) and folded.
    for (const [line, start] of [[`    ${name} 0`, 4], [`(${name})`, 1]]) {
      const t = tokenAt(grammar, line, start);
      const ok = t && t.endIndex === start + name.length && t.scopes.includes(want);
      if (ok) passed++;
      else failures.push(`${JSON.stringify(line)}: want one token \`${name}\` with ${want}, got ${t ? `${JSON.stringify(line.slice(t.startIndex, t.endIndex))} ${t.scopes.join(" ")}` : "no token"}`);
    }
  }
  for (const word of NOT_INSTRUCTIONS) {
    const line = `    ${word}`;
    const { tokens } = grammar.tokenizeLine(line, tm.INITIAL);
    const bad = tokens.filter((t) => t.scopes.some(isInstructionScope));
    if (bad.length === 0) passed++;
    else failures.push(`${JSON.stringify(word)} is not an instruction but got ${bad.map((t) => t.scopes.join(" ")).join(", ")}`);
  }
  for (const f of failures) console.log(`FAIL ${f}`);
  console.log(`mnemonics: ${passed} passed, ${failures.length} failed`);
  process.exit(failures.length ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
