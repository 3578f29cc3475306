;; Calls both ways and the shadow stack.
;; - WAT calls C (c_sum, c_log) and C calls WAT (wat_scale from c_sum): FUNCTION_INDEX_LEB;
;; - WAT calls WAT, recursively and with a tail call (return_call);
;; - wat_sum3 allocates a frame on the shadow stack through __stack_pointer (GLOBAL_INDEX_LEB)
;;   and passes its address to C;
;; - wat_add_pair has a block whose type is a type index (multi-value): TYPE_INDEX_LEB.
(module
  (type $pair_to_i32 (func (param i32 i32) (result i32)))
  (import "env" "__linear_memory" (memory 1))
  (import "env" "__stack_pointer" (global $sp (mut i32)))
  (import "env" "c_sum" (func $c_sum (param i32 i32) (result i32)))
  (import "env" "c_log" (func $c_log (param i32)))

  ;; int wat_scale(int x): 3 * x
  (func $wat_scale (param $x i32) (result i32)
    local.get $x
    i32.const 3
    i32.mul)

  ;; int wat_sum3(int a, int b, int c): c_sum((int[]){a, b, c}, 3)
  (func $wat_sum3 (param $a i32) (param $b i32) (param $c i32) (result i32)
    (local $frame i32) (local $r i32)
    global.get $sp
    i32.const 16
    i32.sub
    local.tee $frame
    global.set $sp
    local.get $frame
    local.get $a
    i32.store
    local.get $frame
    local.get $b
    i32.store offset=4
    local.get $frame
    local.get $c
    i32.store offset=8
    local.get $frame
    i32.const 3
    call $c_sum
    local.set $r
    local.get $frame
    i32.const 16
    i32.add
    global.set $sp
    local.get $r)

  ;; int wat_fact(int n): n! with c_log(n) at every level
  (func $wat_fact (param $n i32) (result i32)
    local.get $n
    call $c_log
    local.get $n
    i32.const 2
    i32.lt_s
    if (result i32)
      i32.const 1
    else
      local.get $n
      local.get $n
      i32.const 1
      i32.sub
      call $wat_fact
      i32.mul
    end)

  ;; int wat_triangle(int n, int acc): acc + n + (n-1) + ... + 1, by tail calls
  (func $wat_triangle (param $n i32) (param $acc i32) (result i32)
    local.get $n
    i32.eqz
    if (result i32)
      local.get $acc
    else
      local.get $n
      i32.const 1
      i32.sub
      local.get $acc
      local.get $n
      i32.add
      return_call $wat_triangle
    end)

  ;; int wat_add_pair(int a, int b): a + b inside a block taking both as parameters
  (func $wat_add_pair (param i32 i32) (result i32)
    local.get 0
    local.get 1
    block (type $pair_to_i32)
      i32.add
    end)

  ;; void *wat_sp(void): the current stack pointer
  (func $wat_sp (result i32)
    global.get $sp)
)
