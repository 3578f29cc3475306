// The JS side of the shims: what js-bindgen's generated JS would provide.
export function imports() {
  return {
    test_crate: {
      // A 128-bit value as two i64 halves: (n << 64) | 5, negated.
      big(n) {
        const v = -((BigInt(n) << 64n) | 5n);
        return [BigInt.asIntN(64, v), BigInt.asIntN(64, v >> 64n)];
      },
    },
  };
}
