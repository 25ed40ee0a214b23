int capcheck_autolink_version(void);
