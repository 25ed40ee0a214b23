#include <sys/stat.h>

/* capcheck rule: asm text that jumps into C code no C code calls (ObjectCallEdges; the eighteenth sweep's): an
   init-array entry written in asm, `capcheck_asm_boot`, runs `capcheck_asm_payload` at load. */
int capcheck_asm_payload(void) { return chmod("/tmp/capcheck-fixture-none", 0600); }

__asm__(".text\n"
        ".globl capcheck_asm_boot\n"
        ".type capcheck_asm_boot, @function\n"
        "capcheck_asm_boot:\n"
        "  jmp capcheck_asm_" "payload\n"
        ".size capcheck_asm_boot, .-capcheck_asm_boot\n"
        ".pushsection .init_array, \"aw\"\n"
        ".quad capcheck_asm_boot\n"
        ".popsection\n");
