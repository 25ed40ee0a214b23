/* capcheck rule: `$` is legal in a C identifier, so C can name a Swift function by its mangled symbol: this init array
   entry runs LoadTime.swiftHook() at load. */
extern void $s8LoadTime9swiftHookyyF(void);
__attribute__((used, section(".init_array"))) static void (*capcheck_swift_entry)(void) = $s8LoadTime9swiftHookyyF;
