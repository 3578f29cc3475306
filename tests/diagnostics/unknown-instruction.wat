;; An instruction name that does not exist (a typo of i32.add).
(module
  (func $add (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.addd))
