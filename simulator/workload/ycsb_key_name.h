#pragma once

#include <cstdint>
#include <string>

namespace kvlab::sim {

// The key string YCSB's CoreWorkload.buildKeyName gives key number `keyNumber`: "user" followed by
// the decimal `fnvhash64(keyNumber)` when `hashed` (insertorder=hashed, the default), or by the
// key number itself when ordered; left-padded with zeros to `zeroPadding` digits when that is more
// than the digit count. ycsbKeyName(144) == "user1573987489603120213".
// The simulator works on key numbers; use this only for output.
std::string ycsbKeyName(std::int64_t keyNumber, bool hashed = true, int zeroPadding = 1);

}  // namespace kvlab::sim
