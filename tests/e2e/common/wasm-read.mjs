// A small reader for linked WebAssembly binaries, for the e2e hosts and inspectors.
// Only what the tests need: section boundaries, LEBs, imports, the code section's function bodies,
// the name section, the dylink.0 memory info, and an in-place table64 -> table32 rewrite.

export function uleb(b, p) {
  let result = 0n, shift = 0n, byte;
  do {
    byte = b[p++];
    result |= BigInt(byte & 0x7f) << shift;
    shift += 7n;
  } while (byte & 0x80);
  return [result, p];
}

export function sleb(b, p) {
  let result = 0n, shift = 0n, byte;
  do {
    byte = b[p++];
    result |= BigInt(byte & 0x7f) << shift;
    shift += 7n;
  } while (byte & 0x80);
  if (byte & 0x40) result -= 1n << shift;
  return [result, p];
}

/** uleb as a Number (for sizes, counts and indices). */
export function u(b, p) {
  const [v, q] = uleb(b, p);
  return [Number(v), q];
}

function name(b, p) {
  const [len, q] = u(b, p);
  return [new TextDecoder().decode(b.subarray(q, q + len)), q + len];
}

/** Every section: { id, name (custom only), start (payload start, after a custom name), end }. */
export function sections(bytes) {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const out = [];
  let p = 8;
  while (p < b.length) {
    const id = b[p++];
    const [size, q] = u(b, p);
    const end = q + size;
    let start = q, sname = null;
    if (id === 0) [sname, start] = name(b, q);
    out.push({ id, name: sname, start, end });
    p = end;
  }
  return out;
}

function skipLimits(b, p) {
  const flags = b[p++];
  p = u(b, p)[1];
  if (flags & 1) p = u(b, p)[1];
  return p;
}

function skipRefType(b, p) {
  const t = b[p++];
  if (t === 0x63 || t === 0x64) p = sleb(b, p)[1];
  return p;
}

/** The imports: [{ module, field, kind }] in order (kind 0 func, 1 table, 2 memory, 3 global, 4 tag). */
export function imports(bytes) {
  const b = new Uint8Array(bytes);
  const sec = sections(b).find((s) => s.id === 2);
  const out = [];
  if (!sec) return out;
  let [n, p] = u(b, sec.start);
  for (let i = 0; i < n; i++) {
    let module, field;
    [module, p] = name(b, p);
    [field, p] = name(b, p);
    const kind = b[p++];
    switch (kind) {
      case 0: p = u(b, p)[1]; break;
      case 1: p = skipLimits(b, skipRefType(b, p)); break;
      case 2: p = skipLimits(b, p); break;
      case 3: p = skipRefType(b, p) + 1; break;
      case 4: p = u(b, p + 1)[1]; break;
      default: throw new Error(`unknown import kind ${kind}`);
    }
    out.push({ module, field, kind });
  }
  return out;
}

/**
 * The function bodies of the code section: [{ index (function index), sizeAt, bodyStart, end }],
 * offsets relative to the start of the code section's payload (what DWARF and
 * R_WASM_FUNCTION_OFFSET_* count from). bodyStart is the locals vector, after the body size.
 */
export function functionBodies(bytes) {
  const b = new Uint8Array(bytes);
  const code = sections(b).find((s) => s.id === 10);
  const imported = imports(b).filter((i) => i.kind === 0).length;
  const out = [];
  let [n, p] = u(b, code.start);
  for (let i = 0; i < n; i++) {
    const sizeAt = p - code.start;
    const [size, q] = u(b, p);
    out.push({ index: imported + i, sizeAt, bodyStart: q - code.start, end: q + size - code.start });
    p = q + size;
  }
  return { payload: b.subarray(code.start, code.end), bodies: out };
}

/** The name section: { functions: Map(index -> name), globals: Map(index -> name) }. */
export function names(bytes) {
  const b = new Uint8Array(bytes);
  const sec = sections(b).find((s) => s.id === 0 && s.name === 'name');
  const functions = new Map(), globals = new Map();
  if (!sec) return { functions, globals };
  let p = sec.start;
  while (p < sec.end) {
    const id = b[p++];
    const [size, q] = u(b, p);
    const end = q + size;
    const map = id === 1 ? functions : id === 7 ? globals : null;
    if (map) {
      let [n, r] = u(b, q);
      for (let i = 0; i < n; i++) {
        let idx, nm;
        [idx, r] = u(b, r);
        [nm, r] = name(b, r);
        map.set(idx, nm);
      }
    }
    p = end;
  }
  return { functions, globals };
}

/** The payload of a custom section, by name (the first one). */
export function customSection(bytes, wanted) {
  const b = new Uint8Array(bytes);
  const sec = sections(b).find((s) => s.id === 0 && s.name === wanted);
  return sec ? b.subarray(sec.start, sec.end) : null;
}

/** dylink.0 WASM_DYLINK_MEM_INFO: { memorySize, memoryAlign, tableSize, tableAlign } (aligns as log2). */
export function dylinkMemInfo(bytes) {
  const c = customSection(bytes, 'dylink.0');
  if (!c) return null;
  let p = 0;
  while (p < c.length) {
    const type = c[p++];
    const [size, q] = u(c, p);
    if (type === 1) {
      let r = q;
      const vals = [];
      for (let i = 0; i < 4; i++) {
        let v;
        [v, r] = u(c, r);
        vals.push(v);
      }
      const [memorySize, memoryAlign, tableSize, tableAlign] = vals;
      return { memorySize, memoryAlign, tableSize, tableAlign };
    }
    p = q + size;
  }
  return { memorySize: 0, memoryAlign: 0, tableSize: 0, tableAlign: 0 };
}

// --- table64 -> table32 ---------------------------------------------------------------------------
// Node 20 has memory64 (behind --experimental-wasm-memory64) but not table64, and wasm-ld-22 -mwasm64
// always writes a 64-bit table. This rewrites, in place and without changing any size, the table
// types (limits flag 0x04 cleared) and the `i64.const` offsets of active element segments into
// `i32.const` (and `global.get` of a global whose value the caller gives, such as a PIE's
// __table_base, into `i32.const` of that value). Code that indexes the table (call_indirect,
// table.*) would still pass i64 and fail validation: the wasm64 cases call function pointers from
// JS instead (host.call_i32).

function patchTableType(b, p) {
  p = skipRefType(b, p);
  b[p] &= ~0x04;
  return skipLimits(b, p);
}

/** Writes `value` as a signed LEB of exactly `len` bytes (padded) at b[p]. */
function writeSlebPadded(b, p, value, len) {
  let v = BigInt(value);
  for (let i = 0; i < len; i++) {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (i < len - 1) byte |= 0x80;
    b[p + i] = byte;
  }
  if (!(v === 0n || v === -1n)) throw new Error(`${value} does not fit a ${len}-byte LEB`);
}

function patchOffsetExpr(b, p, constants) {
  for (;;) {
    const op = b[p];
    if (op === 0x0b) return p + 1;
    if (op === 0x23) {
      // global.get of an imported global whose value is known (e.g. __table_base of a PIE):
      // replaced by i32.const of the same length.
      const [idx, q] = u(b, p + 1);
      const name = constants.globalNames[idx];
      if (!(name in constants.values)) throw new Error(`element offset reads global ${idx} (${name}), whose value is not known`);
      b[p] = 0x41;
      writeSlebPadded(b, p + 1, constants.values[name], q - p - 1);
      p = q;
      continue;
    }
    if (op === 0x42) {
      b[p] = 0x41;
      const [v, q] = sleb(b, p + 1);
      if (v < -(2n ** 31n) || v >= 2n ** 31n || q - p - 1 > 5) throw new Error('table offset does not fit i32');
      p = q;
    } else if (op === 0x41) p = sleb(b, p + 1)[1];
    else if (op === 0xd2) p = u(b, p + 1)[1];
    else if (op === 0xd0) p = skipRefType(b, p + 1);
    else throw new Error(`unexpected opcode 0x${op.toString(16)} in an element offset`);
  }
}

function skipExpr(b, p) {
  for (;;) {
    const op = b[p++];
    if (op === 0x0b) return p;
    if (op === 0x41 || op === 0x42) p = sleb(b, p)[1];
    else if (op === 0x23 || op === 0xd2) p = u(b, p)[1];
    else if (op === 0xd0) p = skipRefType(b, p);
    else throw new Error(`unexpected opcode 0x${op.toString(16)} in an element expression`);
  }
}

function skipVec(b, p, item) {
  let [n, q] = u(b, p);
  for (let i = 0; i < n; i++) q = item(b, q);
  return q;
}

const skipIndex = (b, p) => u(b, p)[1];

export function table64To32(bytes, globalValues = {}) {
  const b = new Uint8Array(bytes); // a copy
  const constants = {
    values: globalValues,
    globalNames: imports(b).filter((i) => i.kind === 3).map((i) => i.field),
  };
  for (const sec of sections(b)) {
    let p = sec.start;
    if (sec.id === 2) {
      let n;
      [n, p] = u(b, p);
      for (let i = 0; i < n; i++) {
        p = name(b, name(b, p)[1])[1];
        const kind = b[p++];
        switch (kind) {
          case 0: p = u(b, p)[1]; break;
          case 1: p = patchTableType(b, p); break;
          case 2: p = skipLimits(b, p); break;
          case 3: p = skipRefType(b, p) + 1; break;
          case 4: p = u(b, p + 1)[1]; break;
          default: throw new Error(`unknown import kind ${kind}`);
        }
      }
    } else if (sec.id === 4) {
      let n;
      [n, p] = u(b, p);
      for (let i = 0; i < n; i++) {
        if (b[p] === 0x40) p = skipExpr(b, patchTableType(b, p + 2));
        else p = patchTableType(b, p);
      }
    } else if (sec.id === 9) {
      let n;
      [n, p] = u(b, p);
      for (let i = 0; i < n; i++) {
        let flags;
        [flags, p] = u(b, p);
        switch (flags) {
          case 0: p = skipVec(b, patchOffsetExpr(b, p, constants), skipIndex); break;
          case 1: case 3: p = skipVec(b, p + 1, skipIndex); break;
          case 2: p = skipVec(b, patchOffsetExpr(b, u(b, p)[1], constants) + 1, skipIndex); break;
          case 4: p = skipVec(b, patchOffsetExpr(b, p, constants), skipExpr); break;
          case 5: case 7: p = skipVec(b, skipRefType(b, p), skipExpr); break;
          case 6: p = skipVec(b, skipRefType(b, patchOffsetExpr(b, u(b, p)[1], constants)), skipExpr); break;
          default: throw new Error(`unknown element segment flags ${flags}`);
        }
      }
    }
  }
  return b;
}
