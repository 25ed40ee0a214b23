#include <unistd.h>

// An init-array entry made by file-scope asm: no attribute, no `section` variable, only the object file's relocation
// names the function the loader runs.
void capcheck_asm_init(void) { rmdir("/tmp/capcheck-fixture-asm-init"); }
__asm__(".pushsection .init_array,\"aw\"\n.p2align 3\n.quad capcheck_asm_init\n.popsection");

// An entry that points at code no symbol names (a numbered asm label): capcheck cannot say which function it is, so
// it stands for inline asm run at load. The code only returns.
__asm__(".text\n1: ret\n.pushsection .init_array,\"aw\"\n.p2align 3\n.quad 1b\n.popsection");

// Code placed straight in `.init` (the loader runs the section as it stands): a `nop`, so the program is unchanged.
__asm__(".pushsection .init,\"ax\"\nnop\n.popsection");
