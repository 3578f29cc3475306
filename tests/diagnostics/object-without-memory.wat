;; Code that uses memory in an object without a memory: objects import theirs (wasm-ld gives the
;; linked module its memory), which the error says instead of validation's "unknown memory 0".
(module
  (func (export "load") (param i32) (result i32)
    local.get 0
    i32.load))
