#define CAPCHECK_ORDER_WRAP(v) (void)(v)
