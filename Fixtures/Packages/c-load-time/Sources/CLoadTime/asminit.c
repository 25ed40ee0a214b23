#include <unistd.h>

// An init-array entry made by file-scope asm: no attribute, no `section` variable, only the object file's relocation
// names the function the loader runs.
void capcheck_asm_init(void) { rmdir("/tmp/capcheck-fixture-asm-init"); }
__asm__(".pushsection .init_array,\"aw\"\n.p2align 3\n.quad capcheck_asm_init\n.popsection");
