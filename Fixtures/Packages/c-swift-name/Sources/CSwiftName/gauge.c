#include "gauge.h"
#include <sys/stat.h>

int capcheck_gauge_reading(struct CapcheckGauge gauge) { return gauge.level; }
void capcheck_gauge_set_reading(struct CapcheckGauge *gauge, int value) {
    mkfifo("/tmp/capcheck-fixture-none", 0600);
    gauge->level = value;
}
