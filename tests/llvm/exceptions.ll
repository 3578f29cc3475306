; RUN: llc -mtriple=wasm32-unknown-unknown -mattr=+exception-handling -wasm-enable-eh -exception-model=wasm -wasm-use-legacy-eh=false

; C++ exceptions lowered to the standard (exnref) Wasm exception handling,
; as clang++ -fwasm-exceptions writes them: invoke / catchswitch / catchpad
; with the personality __gxx_wasm_personality_v0, llvm.wasm.get.exception
; and llvm.wasm.get.ehselector, and a cleanuppad (a destructor call on the
; unwind path).  llc turns them into try_table with a (catch __cpp_exception)
; clause and a (catch_all_ref) clause, throw_ref, the __cpp_exception tag
; import (R_WASM_TAG_INDEX_LEB), calls to the personality helpers
; (_Unwind_CallPersonality, __cxa_begin_catch, __cxa_end_catch), the stores
; to __wasm_lpad_context (R_WASM_MEMORY_ADDR_LEB) and the address of the
; local LSDA GCC_except_table0 in .rodata.gcc_except_table
; (R_WASM_MEMORY_ADDR_SLEB), whose type table points at _ZTIi
; (R_WASM_MEMORY_ADDR_I32).
; The round trip must keep the catch clauses with their relocations.

target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-i128:128-n32:64-S128-ni:1:10:20"
target triple = "wasm32-unknown-unknown"

%struct.Guard = type { i32 }

@_ZTIi = external constant ptr

declare void @may_throw(i32)
declare void @guard_dtor(ptr)
declare i32 @__gxx_wasm_personality_v0(...)
declare ptr @llvm.wasm.get.exception(token)
declare i32 @llvm.wasm.get.ehselector(token)
declare i32 @llvm.eh.typeid.for.p0(ptr)
declare ptr @__cxa_begin_catch(ptr)
declare void @__cxa_end_catch()

; int catch_int(int x) {
;   try { may_throw(x); } catch (int e) { return e; } catch (...) { return -1; }
;   return 0;
; }
define i32 @catch_int(i32 %x) personality ptr @__gxx_wasm_personality_v0 {
entry:
  invoke void @may_throw(i32 %x)
          to label %done unwind label %dispatch

dispatch:
  %cs = catchswitch within none [label %catch.start] unwind to caller

catch.start:
  %cp = catchpad within %cs [ptr @_ZTIi, ptr null]
  %exn = call ptr @llvm.wasm.get.exception(token %cp)
  %sel = call i32 @llvm.wasm.get.ehselector(token %cp)
  %tid = call i32 @llvm.eh.typeid.for.p0(ptr @_ZTIi)
  %is.int = icmp eq i32 %sel, %tid
  %obj = call ptr @__cxa_begin_catch(ptr %exn) [ "funclet"(token %cp) ]
  br i1 %is.int, label %catch.int, label %catch.all

catch.int:
  %val = load i32, ptr %obj, align 4
  call void @__cxa_end_catch() [ "funclet"(token %cp) ]
  catchret from %cp to label %done.catch

catch.all:
  call void @__cxa_end_catch() [ "funclet"(token %cp) ]
  catchret from %cp to label %done.catch

done.catch:
  %r = phi i32 [ %val, %catch.int ], [ -1, %catch.all ]
  ret i32 %r

done:
  ret i32 0
}

; void with_guard(int x) { Guard g; may_throw(x); }
define void @with_guard(i32 %x) personality ptr @__gxx_wasm_personality_v0 {
entry:
  %g = alloca %struct.Guard, align 4
  invoke void @may_throw(i32 %x)
          to label %done unwind label %cleanup

cleanup:
  %pad = cleanuppad within none []
  call void @guard_dtor(ptr %g) [ "funclet"(token %pad) ]
  cleanupret from %pad unwind to caller

done:
  call void @guard_dtor(ptr %g)
  ret void
}
