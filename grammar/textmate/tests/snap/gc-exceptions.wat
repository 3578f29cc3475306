;; check: wat2obj --module
;; GC (recursive types, subtyping, structs, arrays, casts, i31), function references, tail calls,
;; custom descriptors, and exception handling, with try_table and the legacy try.
(module
  (rec
    (type $node (sub (struct (field $next (ref null $node)) (field $val (mut i32)))))
    (type $leaf (sub final $node (struct (field (ref null $node)) (field (mut i32)) (field i64)))))
  (type $bytes (array (mut i8)))
  (type $shorts (array i16))
  (type $fn (func (param i32) (result i32)))
  (rec
    (type $obj (descriptor $vtable) (struct (field i32)))
    (type $vtable (describes $obj) (struct (field (ref $fn)))))
  (tag $err (param i32))
  (tag $empty)

  (func $gc (param $n (ref null $node)) (result i32)
    (local $b (ref $bytes))
    (local.set $b (array.new_fixed $bytes 3 (i32.const 1) (i32.const 2) (i32.const 3)))
    (array.set $bytes (local.get $b) (i32.const 0) (i32.const 9))
    (drop (array.len (local.get $b)))
    (drop (struct.new $leaf (ref.null $node) (i32.const 1) (i64.const 2)))
    (struct.set $node $val (ref.as_non_null (local.get $n)) (i32.const 5))
    (drop (ref.test (ref $leaf) (local.get $n)))
    (drop (ref.cast (ref null $leaf) (local.get $n)))
    (drop (i31.get_s (ref.i31 (i32.const -1))))
    (drop (any.convert_extern (extern.convert_any (ref.null any))))
    (drop (array.get_u $shorts (array.new_default $shorts (i32.const 2)) (i32.const 0)))
    (struct.get $leaf 1
      (block $is_leaf (result (ref $leaf))
        (br_on_cast $is_leaf (ref null $node) (ref $leaf) (local.get $n))
        (drop)
        (unreachable))))

  (func $descriptors (param $v (ref (exact $vtable))) (result (ref $vtable))
    (ref.get_desc $obj (struct.new_desc $obj (i32.const 1) (local.get $v))))

  (func $refs (param $f (ref null $fn)) (result i32)
    (block $null
      (return_call_ref $fn (i32.const 1) (br_on_null $null (local.get $f))))
    (return_call $gc (ref.null none)))

  (func $throwing (param $x i32) (result i32)
    (block $none
      (return
        (block $caught (result i32)
          (try_table (result i32) (catch $err $caught) (catch_all $none)
            (throw $err (local.get $x))))))
    (drop
      (block $exn (result exnref)
        (try_table (catch_all_ref $exn) (throw $empty))
        (unreachable)))
    (block $pair (result i32 exnref)
      (try_table (catch_ref $err $pair) (throw $err (local.get $x)))
      (unreachable))
    (throw_ref))

  (func $legacy (param $x i32) (result i32)
    try $outer (result i32)
      (throw $err (local.get $x))
    catch $err
      i32.const 1
      i32.add
    catch_all
      (try $inner (do (rethrow $outer)) (delegate $outer))
      i32.const 0
    end))
