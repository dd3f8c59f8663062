#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/schema/project.h"

namespace kvlab::model {

// One generated attribute value, typed as DynamoDB types it. A scalar holds its value as text in
// `text`: S and N their value, B base64, BOOL "true" or "false", NULL "true". L holds its
// elements in `elements`; M its members in `elements`, each named by the `names` entry of the
// same position; a set (SS, NS, BS) its members in `elements` as scalars of the member type.
struct SampleValue {
  AttributeType type = AttributeType::S;
  std::string text;
  std::vector<SampleValue> elements;
  std::vector<std::string> names;  // M only
};

// The value on one line, as a table cell shows it: a scalar's text ("null" for NULL), a list or a
// set in brackets and a map in braces, with the strings inside them in quotes:
// `["addresses1"]`, `{"value": "shippingAddress1"}`.
std::string sampleValueText(const SampleValue& value);

struct SampleAttribute {
  std::string name;
  SampleValue value;
};

// One generated item of an entity as a design stores it: the key attributes first (the table's,
// then each GSI's and LSI's, in the order the design lists their templates), then the entity's
// own attributes in the entity's order, each once.
struct SampleItem {
  std::string entity;
  int number = 0;  // 1-based among the entity's sample items
  std::vector<SampleAttribute> attributes;

  // The value of attribute `name`, or null when the item does not carry it.
  const SampleValue* find(std::string_view name) const;
};

// The key attributes that `design` gives `entity`, each once with its template, in the order of
// the table's, then each GSI's, then each LSI's templates for it.
std::vector<std::pair<std::string, std::string>> keyTemplatesOf(const Design& design,
                                                                std::string_view entity);

struct SampleItemOptions {
  int itemsPerEntity = 2;
  // Whether an attribute whose `presence` is under 1 is left out of some items: it is then carried
  // by round(presence x itemsPerEntity) items, at least one and never all of them (with two or
  // more items), so that a sparse index shows as one. An index key naming an attribute an item
  // lacks is left out of the item too; the table's keys never are. Off, every item carries every
  // attribute, as the NoSQL Workbench export writes them.
  bool sparse = false;
  // Whether values repeat across items as an application's do, so that item collections hold
  // several items. An attribute named as another entity's whole identifier (an order's
  // `customerId`, when a customer's identifier is `customerId`) takes that entity's values, so that
  // children share their parent's partition; and an attribute that a partition key template
  // names, with fewer `distinct` values than the entity has items (a player's `gameId`), repeats
  // its own, unless it is part of the identifier and no other part keeps a value per item. Item k
  // of n then takes value ((k - 1) mod ceil(n / 2)) + 1, so that one parent has several children.
  // When the entity's identifier is made only of others' identifiers, the second and later take the
  // owner's item k (and a one-attribute identifier its owner's item k), so that no two items share
  // an identifier. Off, every item has values of its own, as the NoSQL Workbench export writes
  // them.
  bool shareValues = false;
};

// `options.itemsPerEntity` items of `entity` as `design` stores it, the same for the same
// project: each attribute's value is made from its type and format (numbers, ISO 8601 times,
// UUIDs, e-mail addresses, the values of an `enum:a|b|c` in turn, else the attribute's name and
// the item's number), distinct per attribute and item, and each key attribute of the table and its
// indexes that has a template for the entity is the template filled with those values (a name the
// entity lacks becomes the name and the item's number). Key attributes are typed S, N or B as the
// table's definition types them (interop::tableSpecOf). An entity the design has no template for
// gets items with its attributes only.
std::vector<SampleItem> sampleItemsOf(const Project& project, const Design& design,
                                      const Entity& entity, const SampleItemOptions& options = {});

// The sample items of every entity the design's table has templates for, in the design's order
// (entities the project lacks are left out).
std::vector<SampleItem> sampleItems(const Project& project, const Design& design,
                                    const SampleItemOptions& options = {});

// The items of `items` that the secondary index `index` of `design` holds, as it holds them: an
// item is there when it carries the index's partition key (the table's for an LSI that names
// none) and, when the index has one, its sort key; it keeps those keys, the table's keys and the
// attributes the projection copies (ALL: every one, KEYS_ONLY: none more, INCLUDE: those named).
// The order of `items` is kept.
std::vector<SampleItem> projectOntoIndex(const std::vector<SampleItem>& items, const Design& design,
                                         const SecondaryIndex& index);

// Sorts `items` into item collections, as NoSQL Workbench's aggregate view shows them: by the value
// of `partitionKey`, then within a collection by `sortKey` when given, as DynamoDB orders sort
// keys (numbers by value, strings and binaries by their bytes); an item lacking a key comes after
// those that have it. Stable.
void sortByKeys(std::vector<SampleItem>& items, std::string_view partitionKey,
                const std::optional<std::string>& sortKey);

}  // namespace kvlab::model
