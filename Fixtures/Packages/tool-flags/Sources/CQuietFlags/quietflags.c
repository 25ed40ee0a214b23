int capcheck_quiet_flags(void) { return CAPCHECK_QUIET; }
