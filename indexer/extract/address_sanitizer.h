// VERBATIM_ASAN is defined in an AddressSanitizer build. ASan reserves terabytes of address
// space for its shadow memory, so the PDF reader's address-space limit cannot be set
// there, and the tests that prove that limit are left out.
#pragma once

#if defined(__SANITIZE_ADDRESS__)
#define VERBATIM_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define VERBATIM_ASAN 1
#endif
#endif
