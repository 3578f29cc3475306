;; Relocation annotations whose (format, method, modifier) names no relocation type.
(module
  (import "env" "__linear_memory" (memory 1))
  (func $f)
  (data (i32.const 0) (@sym $buf (size 8))
    "\00\00\00\00" (@reloc i64 func $f)
    "\00\00\00\00" (@reloc i32 data tls $buf))
  (func (result i32)
    i32.const 0 (@reloc sleb data $buf)))
