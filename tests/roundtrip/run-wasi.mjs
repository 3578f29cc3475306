// Runs a WASI (preview1) command module under node:wasi; standard output and the exit code pass
// through. Used by tests/roundtrip.rs to run the programs linked from the corpus.
//
//   node --no-warnings run-wasi.mjs MODULE.wasm
import { WASI } from 'node:wasi';
import { readFileSync, writeSync } from 'node:fs';
import path from 'node:path';

const file = process.argv[2];
if (!file) {
  writeSync(2, 'usage: run-wasi.mjs MODULE.wasm\n');
  process.exit(70);
}
try {
  const wasi = new WASI({ version: 'preview1', args: [path.basename(file)], env: {}, returnOnExit: true });
  const module = await WebAssembly.compile(readFileSync(file));
  const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
  process.exitCode = wasi.start(instance) ?? 0;
} catch (e) {
  writeSync(2, `run-wasi: ${e}\n`);
  process.exit(70);
}
