#ifndef CMACROTRIGGERS_H
#define CMACROTRIGGERS_H

/* Spellings that hide the trigger words behind macros. */
#define CAPCHECK_BARRIER(x) ASM_KEYWORD volatile("" : "+r"(x))
#define ASM_KEYWORD __asm__
#define PASTE(a, b) a##b
#define RUN_EARLY __attribute__((PASTE(constr, uctor)))

/* An inline function with asm in a header every source includes: one parse of it stands for all. */
static inline unsigned long capcheck_header_barrier(unsigned long value) {
    CAPCHECK_BARRIER(value);
    return value;
}

unsigned long capcheck_macro_asm(unsigned long value);
long capcheck_macro_syscall(void);
int capcheck_header_user_one(void);
int capcheck_header_user_two(void);
const char *capcheck_macro_setting(void);
unsigned long capcheck_record_paste(unsigned long value);
long capcheck_record_quiet(void);
long capcheck_record_quiet_two(void);
long capcheck_record_loud(void);
long capcheck_record_block(void);
unsigned long capcheck_record_splice(unsigned long value);
unsigned long capcheck_record_carriage(unsigned long value);
unsigned long capcheck_record_separator(unsigned long value);
unsigned long capcheck_record_order_quiet(void);
unsigned long capcheck_record_order_loud(void);
unsigned long capcheck_cut_covered(unsigned long value);
long capcheck_cut_later(void);
long capcheck_record_member(void);
unsigned long capcheck_cut_renumbered(unsigned long value);

#endif
