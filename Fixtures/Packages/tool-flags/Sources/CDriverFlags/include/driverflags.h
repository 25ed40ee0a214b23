int capcheck_driver_flags(void);
