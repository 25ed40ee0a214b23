#ifndef CAPCHECK_CSHA256_H
#define CAPCHECK_CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// Runs SHA-256's compression function (FIPS 180-4, 6.2.2) over `blocks` consecutive 64-byte blocks of `data`,
/// updating `state` (the eight working words, H0 first). Uses the CPU's SHA extensions when it has them (x86-64
/// `sha_ni`), else portable C. In C so that the debug `capcheck` the command plugin builds hashes as fast as a
/// release one: every cache key and cache file checksum goes through it.
void capcheck_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

/// The portable C path of `capcheck_sha256_blocks`, whatever the CPU has (for tests that compare the two).
void capcheck_sha256_blocks_portable(uint32_t state[8], const uint8_t *data, size_t blocks);

/// Whether `capcheck_sha256_blocks` uses the CPU's SHA extensions on this machine.
int capcheck_sha256_uses_cpu_extensions(void);

#endif
