// Runs a WASI (preview1) command module under node:wasi: standard output and the exit code pass
// through.
//
//   node --no-warnings run-wasi.mjs [--ext EXT.mjs] MODULE.wasm [ARGS...]
//
// --ext loads a case's own JS module, which may export
//   imports(ctx) -> { module: { field: value } }   extra imports (merged over the WASI ones)
//   after(ctx, exitCode)                           called after _start returned or exited
// where ctx = { bytes, module, instance, memory(), print(text) }.
import { WASI } from 'node:wasi';
import { readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

function die(message) {
  writeSync(2, `run-wasi: ${message}\n`);
  process.exit(70);
}

const argv = process.argv.slice(2);
let ext = null;
while (argv.length && argv[0].startsWith('--')) {
  const opt = argv.shift();
  if (opt === '--ext') ext = argv.shift();
  else die(`unknown option ${opt}`);
}
const file = argv.shift();
if (!file) die('usage: run-wasi.mjs [--ext EXT.mjs] MODULE.wasm [ARGS...]');

try {
  const bytes = readFileSync(file);
  const wasi = new WASI({ version: 'preview1', args: [path.basename(file), ...argv], env: {}, returnOnExit: true });
  const module = await WebAssembly.compile(bytes);
  const extension = ext ? await import(pathToFileURL(path.resolve(ext)).href) : {};
  let instance = null;
  const ctx = {
    bytes,
    module,
    get instance() { return instance; },
    memory: () => instance.exports.memory,
    print: (text) => writeSync(1, text),
  };
  const importObject = wasi.getImportObject();
  if (extension.imports) {
    for (const [mod, fields] of Object.entries(extension.imports(ctx))) {
      importObject[mod] = { ...(importObject[mod] ?? {}), ...fields };
    }
  }
  instance = await WebAssembly.instantiate(module, importObject);
  const code = wasi.start(instance) ?? 0;
  if (extension.after) await extension.after(ctx, code);
  process.exitCode = code;
} catch (e) {
  die(`${e?.constructor?.name ?? 'error'}: ${e?.message ?? e}`);
}
