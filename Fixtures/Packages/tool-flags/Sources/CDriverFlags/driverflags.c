int capcheck_driver_flags(void) { return 4; }
