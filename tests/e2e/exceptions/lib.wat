;; A tag defined in WAT, thrown and caught in WAT through C frames (legacy exception handling:
;; try/catch/catch_all/rethrow, which node 20 runs). throw and catch carry TAG_INDEX_LEB.
(module
  (import "env" "__linear_memory" (memory 1))
  (import "env" "c_call_divide" (func $c_call_divide (param i32 i32) (result i32)))

  ;; the exception: its payload is the dividend
  (tag $div_error (param i32))

  ;; int wat_checked_div(int a, int b): a / b, throws div_error(a) when b == 0
  (func $wat_checked_div (param $a i32) (param $b i32) (result i32)
    local.get $b
    i32.eqz
    if
      local.get $a
      throw $div_error
    end
    local.get $a
    local.get $b
    i32.div_s)

  ;; int wat_safe_div(int a, int b): c_call_divide(a, b), or 1000 + a when it threw
  (func $wat_safe_div (param $a i32) (param $b i32) (result i32)
    try (result i32)
      local.get $a
      local.get $b
      call $c_call_divide
    catch $div_error
      i32.const 1000
      i32.add
    end)

  ;; int wat_try_all(int a, int b): c_call_divide(a, b), or -1 for any exception
  (func $wat_try_all (param $a i32) (param $b i32) (result i32)
    try (result i32)
      local.get $a
      local.get $b
      call $c_call_divide
    catch_all
      i32.const -1
    end)

  ;; int wat_rethrow(int a): an inner handler rethrows, the outer one returns 2000 + a
  (func $wat_rethrow (param $a i32) (result i32)
    try (result i32)
      try (result i32)
        local.get $a
        i32.const 0
        call $c_call_divide
      catch $div_error
        drop
        rethrow 0
        unreachable  ;; llvm-mc-22's type checker does not treat rethrow as polymorphic
      end
    catch $div_error
      i32.const 2000
      i32.add
    end)
)
