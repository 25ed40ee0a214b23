/* Which of the two order_cfg.h defines the macro depends on which the including source included first (both define
   it at the same offset, so its USR is the same): the record does not show it. */
#pragma once
static inline unsigned long capcheck_order_go(unsigned long value) {
    CAPCHECK_ORDER_WRAP(value);
    return value;
}
