// Checks the custom section "wat.offsets" of the linked module: two FUNCTION_OFFSET_I64 values,
// which must point at the start of wat_square's body and at its i32.mul.
import { customSection, functionBodies, names } from '../common/wasm-read.mjs';

export function after(ctx) {
  const sec = customSection(ctx.bytes, 'wat.offsets');
  if (!sec) {
    ctx.print('no custom section wat.offsets\n');
    return;
  }
  const view = new DataView(sec.buffer, sec.byteOffset, sec.byteLength);
  const { payload, bodies } = functionBodies(ctx.bytes);
  const fnames = names(ctx.bytes).functions;
  for (let i = 0; i < sec.byteLength / 8; i++) {
    const value = Number(view.getBigUint64(i * 8, true));
    const body = bodies.find((b) => value >= b.bodyStart && value < b.end);
    if (!body) {
      ctx.print(`wat.offsets[${i}] = ${value}: not inside a function body\n`);
      continue;
    }
    const at = payload[value];
    ctx.print(`wat.offsets[${i}]: ${fnames.get(body.index)} body + ${value - body.bodyStart}, byte 0x${at.toString(16).padStart(2, '0')}\n`);
  }
}
