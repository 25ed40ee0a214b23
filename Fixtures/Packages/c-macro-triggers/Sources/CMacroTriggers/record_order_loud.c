#include "cmacrotriggers.h"
#include "order/loud/order_cfg.h"
#include "order/quiet/order_cfg.h"
#include "order/order_user.h"

unsigned long capcheck_record_order_loud(void) { return capcheck_order_go(2); }
