int flags_value(void);
