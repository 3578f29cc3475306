// Host side of the symflags case: provides host.js_add (lib.wat's import with an explicit symbol
// name), then prints what the linker made of lib.wat's symbol flags.
import { names } from '../common/wasm-read.mjs';

export function imports() {
  return { host: { js_add: (a, b) => a + b } };
}

export function after(ctx) {
  const exports = WebAssembly.Module.exports(ctx.module)
    .map((e) => e.name)
    .filter((n) => n.startsWith('wat_'))
    .sort();
  ctx.print(`wat_* exports: ${exports.join(' ')}\n`);
  const imports = WebAssembly.Module.imports(ctx.module)
    .filter((i) => i.module !== 'wasi_snapshot_preview1')
    .map((i) => `${i.module}.${i.name}`);
  ctx.print(`non-WASI imports: ${imports.join(' ')}\n`);
  const functions = new Set(names(ctx.bytes).functions.values());
  for (const f of ['wat_retained', 'wat_dropped', 'wat_weak_kept', 'wat_local_helper']) {
    ctx.print(`function ${f} in the output: ${functions.has(f) ? 'yes' : 'no'}\n`);
  }
}
