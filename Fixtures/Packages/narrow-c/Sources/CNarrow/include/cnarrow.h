const char *narrow_c_home(void);
const char *narrow_c_lookup(const char *name);
const char *narrow_c_indirect(int which);
int narrow_c_connect(void);
const char *narrow_c_through_macro(const char *name);
const char *narrow_c_alias(void);
long narrow_c_raw_open(void);
int narrow_c_set_both(void);
int narrow_c_open_version(void);
