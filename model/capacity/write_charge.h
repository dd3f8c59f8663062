#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "model/capacity/index_write.h"
#include "model/capacity/write_units.h"

namespace kvlab::model::capacity {

// The whole charge of one item write: the item on the base table and what each secondary index
// writes, and whose capacity each part consumes. Global index writes consume that index's
// capacity; local index writes consume the base table's (DG-2023:GSI.md, LSI.md).
//
// In a transaction, only the item's own write is doubled; index writes stay 1x. This follows AWS's
// tooling (aws/agent-toolkit-for-aws calculate_costs.py: "2x multiplier applies to BASE TABLE ONLY.
// GSI and LSI writes remain 1x. (Verified.)"); the developer guide does not say. A plain value.
struct WriteCharge {
  std::int64_t itemUnits = 0;  // the base-table item write, doubled when transactional
  std::vector<IndexWrite> indexWrites;

  // Units consumed from the base table's capacity: the item and every local index write.
  std::int64_t tableUnits() const;
  // Units consumed from global indexes' capacity, all of them together.
  std::int64_t globalIndexUnits() const;
  // Units consumed from the global index called `index`; 0 when it is not written.
  std::int64_t globalIndexUnits(std::string_view index) const;
  // tableUnits() + globalIndexUnits(): what the write costs in all, e.g. in on-demand requests.
  std::int64_t totalUnits() const;
};

// The charge of `write` of the given type with the index writes it causes (from indexWrite() or
// indexWriteFor(), one per index of the table).
WriteCharge chargeWrite(const ItemWrite& write, WriteType type,
                        std::vector<IndexWrite> indexWrites = {});

}  // namespace kvlab::model::capacity
