int capcheck_quiet_flags(void);
