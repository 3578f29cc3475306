;; Annotations one or two edits from one relwat reads are warned about (they are ignored, as every
;; unknown annotation is); others, however short or long, are not.
(module
  (import "env" "__linear_memory" (memory 1))
  (data (@sym.segmnt (name ".data.x")) (i32.const 0) (@sym $x (size 4)) "\00\00\00\00")
  (func $f (result i32)
    i32.const 0 (@relocc data $x))
  (func $g (@js "not ours") (@metadata.code.inline "\00") (@what ever)))
