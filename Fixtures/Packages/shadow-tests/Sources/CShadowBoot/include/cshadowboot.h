int shadow_boot_count(void);
