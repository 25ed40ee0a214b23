#include "casmlabel.h"

int capcheck_label_probe(void) { return capcheck_quiet_open("/etc/hostname", 0); }
