#include "model/capacity/write_charge.h"

#include <utility>

namespace kvlab::model::capacity {

std::int64_t WriteCharge::tableUnits() const {
  std::int64_t units = itemUnits;
  for (const IndexWrite& write : indexWrites) {
    if (write.kind == IndexKind::Local) units += write.units;
  }
  return units;
}

std::int64_t WriteCharge::globalIndexUnits() const {
  std::int64_t units = 0;
  for (const IndexWrite& write : indexWrites) {
    if (write.kind == IndexKind::Global) units += write.units;
  }
  return units;
}

std::int64_t WriteCharge::globalIndexUnits(std::string_view index) const {
  std::int64_t units = 0;
  for (const IndexWrite& write : indexWrites) {
    if (write.kind == IndexKind::Global && write.index == index) units += write.units;
  }
  return units;
}

std::int64_t WriteCharge::totalUnits() const { return tableUnits() + globalIndexUnits(); }

WriteCharge chargeWrite(const ItemWrite& write, WriteType type,
                        std::vector<IndexWrite> indexWrites) {
  WriteCharge charge;
  charge.itemUnits = itemWriteUnits(write.chargedBytes(), type);
  charge.indexWrites = std::move(indexWrites);
  return charge;
}

}  // namespace kvlab::model::capacity
