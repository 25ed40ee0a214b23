int vendor_open_socket(void);
