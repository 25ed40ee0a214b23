#pragma once
struct CapcheckGauge { int level; };
// Swift sees `gauge.reading`: a read calls the getter, `gauge.reading = 3` the setter, which no index record names.
int capcheck_gauge_reading(struct CapcheckGauge gauge) __attribute__((swift_name("getter:CapcheckGauge.reading(self:)")));
void capcheck_gauge_set_reading(struct CapcheckGauge *gauge, int value)
    __attribute__((swift_name("setter:CapcheckGauge.reading(self:newValue:)")));
