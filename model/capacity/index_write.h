#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/capacity/attribute_value.h"
#include "model/capacity/item_size.h"
#include "model/capacity/result.h"

// Secondary index write amplification (DG-2023:GSI.md and LSI.md, "Write capacity units"): what a
// write to a base-table item writes to one index, and its units. An index entry holds the base
// table's primary key, the index key and the projected attributes; each index write is sized by
// its entry, rounded up to 1 KB. Rules and sources: docs/capacity-and-cost.md, "Index writes".
// Pure functions.
namespace kvlab::model::capacity {

enum class IndexKind { Global, Local };
enum class Projection { All, KeysOnly, Include };

// What the accounting needs to know of one secondary index.
struct IndexShape {
  std::string name;
  IndexKind kind = IndexKind::Global;
  std::vector<std::string> tableKey;  // the base table's partition key and sort key names
  std::vector<std::string> indexKey;  // the index's partition key and sort key names (an LSI's
                                      // partition key is the table's)
  Projection projection = Projection::All;
  std::vector<std::string> include;  // the non-key attributes an Include projection adds
};

// The entry `item` has in the index: its table key, index key and projected attributes, in the
// item's order. Nothing when the item lacks an index key attribute (a sparse index).
std::optional<Item> indexEntry(const Item& item, const IndexShape& shape);

// The entry an item of the declared attributes would have (estimatedItemSize() of the selected
// attributes), or nothing when an index key attribute is not among them.
std::optional<std::int64_t> estimatedIndexEntrySize(std::span<const AttributeEstimate> attributes,
                                                    const IndexShape& shape);

// What a base-table write does to the index (DG-2023:GSI.md table).
enum class IndexChange {
  None,             // absent before and after, or an unchanged entry: 0 writes
  Insert,           // the item enters the index (new item, or the index key added): 1 put
  KeyChange,        // an index key value changes: 2 writes (delete old entry, put new)
  Removal,          // the item leaves the index (deleted, or the index key removed): 1 delete
  ProjectedChange,  // same key, a projected non-key attribute changes: 1 put
};

std::string_view indexChangeName(IndexChange change);

// 0, 1, 2, 1, 1 for None, Insert, KeyChange, Removal, ProjectedChange.
int indexWriteCount(IndexChange change);

// The change between an item's entries before and after a write (indexEntry() of each, nothing
// when the item was or is not in the index).
IndexChange classifyIndexChange(const std::optional<Item>& entryBefore,
                                const std::optional<Item>& entryAfter, const IndexShape& shape);

// Write units for a change, from the entry sizes before and after (0 when there is no entry):
// an Insert writes the new entry, a Removal deletes the old, a KeyChange does both, a
// ProjectedChange writes the larger of the two; each write rounded up to 1 KB. Always 1x: see
// write_charge.h for transactions.
std::int64_t indexWriteUnits(IndexChange change, std::int64_t entryBytesBefore,
                             std::int64_t entryBytesAfter);

// What one base-table write costs one index. A global index's units are charged to that index;
// a local index's to the base table.
struct IndexWrite {
  std::string index;
  IndexKind kind = IndexKind::Global;
  IndexChange change = IndexChange::None;
  int writes = 0;
  std::int64_t units = 0;
};

// The IndexWrite of a change whose entry sizes are known (the planner's path).
IndexWrite indexWrite(const IndexShape& shape, IndexChange change, std::int64_t entryBytesBefore,
                      std::int64_t entryBytesAfter);

// The IndexWrite of a write that takes an item from `before` to `after` (nothing when the item
// does not exist on that side). Fails as itemSize() does on an invalid value in an entry.
Result<IndexWrite> indexWriteFor(const std::optional<Item>& before,
                                 const std::optional<Item>& after, const IndexShape& shape);

}  // namespace kvlab::model::capacity
