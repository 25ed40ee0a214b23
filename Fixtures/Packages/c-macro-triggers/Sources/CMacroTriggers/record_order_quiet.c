#include "cmacrotriggers.h"
#include "order/quiet/order_cfg.h"
#include "order/loud/order_cfg.h"
#include "order/order_user.h"

unsigned long capcheck_record_order_quiet(void) { return capcheck_order_go(1); }
