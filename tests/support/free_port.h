#pragma once

namespace kvlab::test {

// A loopback port nothing listens on now: the kernel's choice for a socket bound to port 0.
// (Another process may take it before the caller does; the servers tests start fail loudly then.)
int freeLoopbackPort();

}  // namespace kvlab::test
