(func $js_sys.numeric.128 (@sym) (param $lo i64) (param $hi i64) (param $out i32)
  (i64.store offset=0 local.get $out local.get $lo)
  (i64.store offset=8 local.get $out local.get $hi)
)
