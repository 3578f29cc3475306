// Reads lib.wat's DWARF compile unit and the custom section wat.funcidx back from the linked
// module, resolving every relocated value: string offsets through the merged .debug_str, the
// abbreviation offset through the merged .debug_abbrev, code offsets through the code section,
// global and function indices through the name section.
import { customSection, functionBodies, names, u } from '../common/wasm-read.mjs';

const PRODUCER = 'relwat e2e linking test';
const TAGS = { 0x11: 'DW_TAG_compile_unit', 0x2e: 'DW_TAG_subprogram', 0x0a: 'DW_TAG_label' };
const AT = { low_pc: 0x11, high_pc: 0x12, name: 0x03, producer: 0x25, frame_base: 0x40 };

function cstr(b, p) {
  let e = p;
  while (b[e] !== 0) e++;
  return new TextDecoder().decode(b.subarray(p, e));
}

/** The abbreviation table at `off`: Map(code -> { tag, children, attrs: [[name, form, implicit]] }). */
function abbrevTable(abbrev, off) {
  const table = new Map();
  let p = off;
  for (;;) {
    let code, tag, name, form;
    [code, p] = u(abbrev, p);
    if (code === 0) return table;
    [tag, p] = u(abbrev, p);
    const children = abbrev[p++] === 1;
    const attrs = [];
    for (;;) {
      [name, p] = u(abbrev, p);
      [form, p] = u(abbrev, p);
      if (name === 0 && form === 0) break;
      let implicit = null;
      if (form === 0x21) [implicit, p] = u(abbrev, p); // DW_FORM_implicit_const (sleb: small values)
      attrs.push([name, form, implicit]);
    }
    table.set(code, { tag, children, attrs });
  }
}

/** Reads one attribute value; null for an unsupported form. */
function readForm(info, p, form, addrSize, dv) {
  switch (form) {
    case 0x01: return [addrSize === 8 ? Number(dv.getBigUint64(p, true)) : dv.getUint32(p, true), p + addrSize];
    case 0x0b: case 0x11: case 0x0c: case 0x25: return [info[p], p + 1];
    case 0x05: case 0x12: case 0x26: return [dv.getUint16(p, true), p + 2];
    case 0x06: case 0x13: case 0x0e: case 0x17: case 0x1f: case 0x28: return [dv.getUint32(p, true), p + 4];
    case 0x07: case 0x14: case 0x20: return [Number(dv.getBigUint64(p, true)), p + 8];
    case 0x0f: case 0x0d: case 0x15: case 0x1a: case 0x1b: { const [v, q] = u(info, p); return [v, q]; }
    case 0x18: case 0x09: { const [len, q] = u(info, p); return [info.subarray(q, q + len), q + len]; }
    case 0x19: case 0x21: return [true, p];
    case 0x08: { const s = cstr(info, p); return [s, p + new TextEncoder().encode(s).length + 1]; }
    default: return null;
  }
}

export function after(ctx) {
  const info = customSection(ctx.bytes, '.debug_info');
  const abbrev = customSection(ctx.bytes, '.debug_abbrev');
  const str = customSection(ctx.bytes, '.debug_str');
  if (!info || !abbrev || !str) {
    ctx.print('the linked module lacks .debug_info, .debug_abbrev or .debug_str\n');
    return;
  }
  const dv = new DataView(info.buffer, info.byteOffset, info.byteLength);
  const { payload, bodies } = functionBodies(ctx.bytes);
  const { functions, globals } = names(ctx.bytes);
  const codeOffset = (v) => {
    const body = bodies.find((b) => v >= b.bodyStart && v < b.end);
    return body ? `${functions.get(body.index)} body + ${v - body.bodyStart}` : `${v} (in no function body)`;
  };
  let found = 0;
  for (let o = 0; o + 11 <= info.length;) {
    const len = dv.getUint32(o, true);
    if (len === 0xffffffff) break; // DWARF64: not expected here
    const next = o + 4 + len;
    const version = dv.getUint16(o + 4, true);
    let abbrevOff, addrSize, p;
    if (version >= 5) {
      addrSize = info[o + 7];
      abbrevOff = dv.getUint32(o + 8, true);
      p = o + 12;
    } else {
      abbrevOff = dv.getUint32(o + 6, true);
      addrSize = info[o + 10];
      p = o + 11;
    }
    o = next;
    if (abbrevOff >= abbrev.length) continue;
    let table;
    try {
      table = abbrevTable(abbrev, abbrevOff);
    } catch {
      continue;
    }
    // Is it ours? Its first DIE's DW_AT_producer says so.
    const dies = [];
    let depth = 0;
    let ok = true;
    while (p < next && ok) {
      let code;
      [code, p] = u(info, p);
      if (code === 0) {
        depth--;
        continue;
      }
      const a = table.get(code);
      if (!a) { ok = false; break; }
      const die = { depth, tag: a.tag, attrs: new Map() };
      for (const [name, form] of a.attrs) {
        const r = readForm(info, p, form, addrSize, dv);
        if (!r) { ok = false; break; }
        die.attrs.set(name, { form, value: r[0] });
        p = r[1];
      }
      dies.push(die);
      if (dies.length === 1) {
        const prod = die.attrs.get(AT.producer);
        if (!prod || prod.form !== 0x0e || cstr(str, prod.value) !== PRODUCER) { ok = false; break; }
      }
      if (a.children) depth++;
    }
    if (!ok || dies.length === 0) continue;
    found++;
    const s = (d, at) => (d.attrs.has(at) ? `"${cstr(str, d.attrs.get(at).value)}"` : '?');
    for (const d of dies) {
      const pad = '  '.repeat(d.depth);
      const tag = TAGS[d.tag] ?? `tag 0x${d.tag.toString(16)}`;
      if (d.tag === 0x11) {
        ctx.print(`${pad}compile unit ${s(d, AT.name)}, producer ${s(d, AT.producer)}, abbreviations found\n`);
        continue;
      }
      const parts = [];
      if (d.attrs.has(AT.low_pc)) {
        const lo = d.attrs.get(AT.low_pc).value;
        let text = `low_pc = ${codeOffset(lo)}`;
        if (d.tag === 0x0a) text += `, byte 0x${payload[lo].toString(16).padStart(2, '0')}`;
        parts.push(text);
        if (d.attrs.has(AT.high_pc)) {
          const body = bodies.find((b) => b.bodyStart === lo);
          parts.push(`high_pc = ${d.attrs.get(AT.high_pc).value} (body length ${body ? body.end - body.bodyStart : '?'})`);
        }
      }
      if (d.attrs.has(AT.frame_base)) {
        const e = d.attrs.get(AT.frame_base).value;
        if (e.length === 6 && e[0] === 0xed && e[1] === 0x03) {
          const g = new DataView(e.buffer, e.byteOffset + 2, 4).getUint32(0, true);
          parts.push(`frame_base = DW_OP_WASM_location global "${globals.get(g) ?? `#${g}`}"`);
        } else {
          parts.push(`frame_base = ${Buffer.from(e).toString('hex')}`);
        }
      }
      ctx.print(`${pad}${tag} ${s(d, AT.name)}: ${parts.join(', ')}\n`);
    }
  }
  if (found !== 1) ctx.print(`${found} compile units by "${PRODUCER}" in .debug_info\n`);
  const idx = customSection(ctx.bytes, 'wat.funcidx');
  if (!idx) {
    ctx.print('no custom section wat.funcidx\n');
    return;
  }
  const iv = new DataView(idx.buffer, idx.byteOffset, idx.byteLength);
  const listed = [];
  for (let i = 0; i + 4 <= idx.length; i += 4) {
    const f = iv.getUint32(i, true);
    listed.push(functions.get(f) ?? `#${f}`);
  }
  ctx.print(`wat.funcidx: ${listed.join(' ')}\n`);
}
