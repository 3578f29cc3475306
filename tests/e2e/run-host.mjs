// Runs a freestanding module (no WASI): the C driver prints through the import `host.write(ptr,
// len)` (see common/host.h) and exports `int run(void)`, whose result is the exit code.
//
//   node --no-warnings [--experimental-wasm-memory64] run-host.mjs [OPTIONS] MODULE.wasm
//
//   --pie             the module is a PIE (wasm-ld -pie --experimental-pic): read its dylink.0
//                     section, place its data at __memory_base = 1024 and its table slots at
//                     __table_base = 3 (non-zero on purpose), give it a stack, an imported table
//                     (and memory, when imported); its start function applies the GOT relocations
//   --wasm64          pointers and the PIE globals are i64 (BigInt)
//   --table64-to-32   rewrite the module's 64-bit table as a 32-bit one first (node 20 has no table64;
//                     see common/wasm-read.mjs); with --pie, element segment offsets
//                     `global.get __table_base` (i64) become `i32.const 3`
//
// Imports it provides: host.write(ptr, len) and host.call_i32(fp, x) (calls fp through the table).
//   --ext EXT.mjs     a case's own JS module: imports(ctx) and after(ctx, exitCode), as in run-wasi.mjs
//
// Then it calls the exports __wasm_apply_data_relocs (PIE dynamic data relocations) and
// __wasm_call_ctors when they exist, and finally run().
import { readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { dylinkMemInfo, table64To32 } from './common/wasm-read.mjs';

function die(message) {
  writeSync(2, `run-host: ${message}\n`);
  process.exit(70);
}

const alignUp = (v, a) => Math.ceil(v / a) * a;
const PIE_MEMORY_BASE = 1024;
const PIE_TABLE_BASE = 3;

const argv = process.argv.slice(2);
const opts = { pie: false, wasm64: false, table32: false, ext: null };
while (argv.length && argv[0].startsWith('--')) {
  const opt = argv.shift();
  if (opt === '--pie') opts.pie = true;
  else if (opt === '--wasm64') opts.wasm64 = true;
  else if (opt === '--table64-to-32') opts.table32 = true;
  else if (opt === '--ext') opts.ext = argv.shift();
  else die(`unknown option ${opt}`);
}
const file = argv.shift();
if (!file || argv.length) die('usage: run-host.mjs [--pie] [--wasm64] [--table64-to-32] [--ext EXT.mjs] MODULE.wasm');

try {
  let bytes = new Uint8Array(readFileSync(file));
  if (opts.table32) bytes = table64To32(bytes, opts.pie ? { __table_base: PIE_TABLE_BASE } : {});
  const module = await WebAssembly.compile(bytes);
  const extension = opts.ext ? await import(pathToFileURL(path.resolve(opts.ext)).href) : {};
  let instance = null;
  let memory = null;
  const ctx = {
    bytes,
    module,
    get instance() { return instance; },
    memory: () => memory,
    print: (text) => writeSync(1, text),
    layout: null,
  };
  let table = null;
  const importObject = {
    host: {
      write(ptr, len) {
        writeSync(1, new Uint8Array(memory.buffer, Number(ptr), Number(len)));
      },
      // int host_call_i32(int (*fp)(int), int x): fp(x), called from JS through the function
      // table (the wasm64 drivers cannot use call_indirect once the table is made 32-bit).
      call_i32(fp, x) {
        if (!table) die('host.call_i32: the module neither exports nor imports its function table (link with --export-table)');
        return table.get(Number(fp))(x);
      },
    },
  };
  let stackTop = null;
  if (opts.pie) {
    const info = dylinkMemInfo(bytes);
    if (!info) die('--pie: the module has no dylink.0 section');
    const memoryBase = alignUp(PIE_MEMORY_BASE, 2 ** info.memoryAlign);
    const tableBase = alignUp(PIE_TABLE_BASE, 2 ** info.tableAlign);
    if (opts.table32 && tableBase !== PIE_TABLE_BASE) die('--table64-to-32 --pie: the table alignment moves __table_base');
    stackTop = alignUp(memoryBase + info.memorySize + 16384, 16);
    const global = (value, mutable = false) =>
      new WebAssembly.Global({ value: opts.wasm64 ? 'i64' : 'i32', mutable }, opts.wasm64 ? BigInt(value) : value);
    table = new WebAssembly.Table({ initial: tableBase + info.tableSize, element: 'anyfunc' });
    importObject.env = {
      __memory_base: global(memoryBase),
      __table_base: global(tableBase),
      __stack_pointer: global(stackTop, true),
      __indirect_function_table: table,
    };
    if (WebAssembly.Module.imports(module).some((i) => i.module === 'env' && i.name === 'memory')) {
      memory = new WebAssembly.Memory({ initial: Math.ceil(stackTop / 65536) });
      importObject.env.memory = memory;
    }
    ctx.layout = { memoryBase, tableBase, stackTop, ...info };
  }
  if (extension.imports) {
    for (const [mod, fields] of Object.entries(extension.imports(ctx))) {
      importObject[mod] = { ...(importObject[mod] ?? {}), ...fields };
    }
  }
  const missing = WebAssembly.Module.imports(module).filter((i) => !(importObject[i.module] && i.name in importObject[i.module]));
  if (missing.length) die(`unresolved imports: ${missing.map((i) => `${i.module}.${i.name} (${i.kind})`).join(', ')}`);
  instance = await WebAssembly.instantiate(module, importObject);
  memory ??= instance.exports.memory;
  table ??= instance.exports.__indirect_function_table ?? null;
  if (!memory) die('the module neither exports nor imports a memory');
  if (stackTop !== null && stackTop > memory.buffer.byteLength) die(`--pie: the stack top ${stackTop} is beyond the memory`);
  for (const f of ['__wasm_apply_data_relocs', '__wasm_call_ctors']) {
    if (instance.exports[f]) instance.exports[f]();
  }
  if (!instance.exports.run) die('the module exports no function `run`');
  const code = Number(instance.exports.run());
  if (extension.after) await extension.after(ctx, code);
  process.exitCode = code;
} catch (e) {
  die(`${e?.constructor?.name ?? 'error'}: ${e?.message ?? e}`);
}
