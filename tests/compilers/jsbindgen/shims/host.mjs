// The JS side of the shims: what js-bindgen's generated JS would provide.
export function imports(ctx) {
  const table = new WebAssembly.Table({ initial: 2, element: 'externref' });
  table.set(1, null);
  ctx.table = table;
  return {
    js_sys: {
      'externref.table': table,
    },
    test_crate: {
      person(year) {
        if (table.length <= 3) table.grow(2);
        return { name: year === 1815 ? 'Ada' : 'Alan', year };
      },
      greet(who) {
        ctx.print(`hello ${who.name} (${who.year})\n`);
      },
      // A 128-bit value as two i64 halves: (n << 64) | 5, negated.
      big(n) {
        const v = -((BigInt(n) << 64n) | 5n);
        return [BigInt.asIntN(64, v), BigInt.asIntN(64, v >> 64n)];
      },
      apply(fn, data, arg) {
        return ctx.instance.exports['js_sys.closure.call'](fn, data, arg);
      },
    },
  };
}

export function after(ctx) {
  ctx.print(`slot 2 after remove: ${ctx.table.get(2)}\n`);
}
