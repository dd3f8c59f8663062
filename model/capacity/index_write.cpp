#include "model/capacity/index_write.h"

#include <algorithm>

#include "model/capacity/write_units.h"

namespace kvlab::model::capacity {
namespace {

bool contains(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool isKeyAttribute(const IndexShape& shape, std::string_view name) {
  return contains(shape.tableKey, name) || contains(shape.indexKey, name);
}

bool isProjected(const IndexShape& shape, std::string_view name) {
  switch (shape.projection) {
    case Projection::All:
      return true;
    case Projection::KeysOnly:
      return isKeyAttribute(shape, name);
    case Projection::Include:
      return isKeyAttribute(shape, name) || contains(shape.include, name);
  }
  return false;
}

// The item's values of the index key attributes, in the shape's order.
std::vector<AttributeValue> indexKeyValues(const Item& entry, const IndexShape& shape) {
  std::vector<AttributeValue> values;
  for (const std::string& name : shape.indexKey) {
    const Attribute* attribute = findAttribute(entry, name);
    values.push_back(attribute ? attribute->value : AttributeValue());
  }
  return values;
}

}  // namespace

std::optional<Item> indexEntry(const Item& item, const IndexShape& shape) {
  for (const std::string& key : shape.indexKey) {
    if (findAttribute(item, key) == nullptr) return std::nullopt;
  }
  Item entry;
  for (const Attribute& attribute : item) {
    if (isProjected(shape, attribute.name)) entry.push_back(attribute);
  }
  return entry;
}

std::optional<std::int64_t> estimatedIndexEntrySize(std::span<const AttributeEstimate> attributes,
                                                    const IndexShape& shape) {
  for (const std::string& key : shape.indexKey) {
    const bool declared =
        std::any_of(attributes.begin(), attributes.end(),
                    [&key](const AttributeEstimate& attribute) { return attribute.name == key; });
    if (!declared) return std::nullopt;
  }
  std::int64_t size = 0;
  for (const AttributeEstimate& attribute : attributes) {
    if (isProjected(shape, attribute.name)) size += estimatedAttributeSize(attribute);
  }
  return size;
}

std::string_view indexChangeName(IndexChange change) {
  switch (change) {
    case IndexChange::None:
      return "None";
    case IndexChange::Insert:
      return "Insert";
    case IndexChange::KeyChange:
      return "KeyChange";
    case IndexChange::Removal:
      return "Removal";
    case IndexChange::ProjectedChange:
      return "ProjectedChange";
  }
  return "Unknown";
}

int indexWriteCount(IndexChange change) {
  switch (change) {
    case IndexChange::None:
      return 0;
    case IndexChange::Insert:
    case IndexChange::Removal:
    case IndexChange::ProjectedChange:
      return 1;
    case IndexChange::KeyChange:
      return 2;
  }
  return 0;
}

IndexChange classifyIndexChange(const std::optional<Item>& entryBefore,
                                const std::optional<Item>& entryAfter, const IndexShape& shape) {
  if (!entryBefore && !entryAfter) return IndexChange::None;
  if (!entryBefore) return IndexChange::Insert;
  if (!entryAfter) return IndexChange::Removal;
  if (indexKeyValues(*entryBefore, shape) != indexKeyValues(*entryAfter, shape)) {
    return IndexChange::KeyChange;
  }
  return sameItem(*entryBefore, *entryAfter) ? IndexChange::None : IndexChange::ProjectedChange;
}

std::int64_t indexWriteUnits(IndexChange change, std::int64_t entryBytesBefore,
                             std::int64_t entryBytesAfter) {
  switch (change) {
    case IndexChange::None:
      return 0;
    case IndexChange::Insert:
      return itemWriteUnits(entryBytesAfter, WriteType::Standard);
    case IndexChange::Removal:
      return itemWriteUnits(entryBytesBefore, WriteType::Standard);
    case IndexChange::KeyChange:
      return itemWriteUnits(entryBytesBefore, WriteType::Standard) +
             itemWriteUnits(entryBytesAfter, WriteType::Standard);
    case IndexChange::ProjectedChange:
      return itemWriteUnits(std::max(entryBytesBefore, entryBytesAfter), WriteType::Standard);
  }
  return 0;
}

IndexWrite indexWrite(const IndexShape& shape, IndexChange change, std::int64_t entryBytesBefore,
                      std::int64_t entryBytesAfter) {
  return IndexWrite{shape.name, shape.kind, change, indexWriteCount(change),
                    indexWriteUnits(change, entryBytesBefore, entryBytesAfter)};
}

Result<IndexWrite> indexWriteFor(const std::optional<Item>& before,
                                 const std::optional<Item>& after, const IndexShape& shape) {
  const std::optional<Item> entryBefore = before ? indexEntry(*before, shape) : std::nullopt;
  const std::optional<Item> entryAfter = after ? indexEntry(*after, shape) : std::nullopt;
  std::int64_t bytesBefore = 0;
  std::int64_t bytesAfter = 0;
  if (entryBefore) {
    auto size = itemSize(*entryBefore);
    if (!size) return size.error();
    bytesBefore = size.value();
  }
  if (entryAfter) {
    auto size = itemSize(*entryAfter);
    if (!size) return size.error();
    bytesAfter = size.value();
  }
  return indexWrite(shape, classifyIndexChange(entryBefore, entryAfter, shape), bytesBefore,
                    bytesAfter);
}

}  // namespace kvlab::model::capacity
