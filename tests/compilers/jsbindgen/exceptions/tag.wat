(tag $js_sys.error (@sym) (param i32))
