#include "simulator/workload/ycsb_key_name.h"

#include "simulator/workload/fnv_hash64.h"

namespace kvlab::sim {

std::string ycsbKeyName(std::int64_t keyNumber, bool hashed, int zeroPadding) {
  const std::int64_t value = hashed ? fnvhash64(keyNumber) : keyNumber;
  std::string digits = std::to_string(value);
  const auto width = static_cast<std::size_t>(zeroPadding > 0 ? zeroPadding : 0);
  if (width > digits.size()) digits.insert(0, width - digits.size(), '0');
  return "user" + digits;
}

}  // namespace kvlab::sim
