int ccache_entry(void);
