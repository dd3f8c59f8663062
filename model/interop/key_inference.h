#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kvlab::model::interop {

// The sample items of one entity, column by column: each attribute's value in each item as text
// (strings and numbers; other types and missing values are nothing). Key inference reads the
// columns and adds the attributes it has to invent.
struct SampleColumns {
  std::size_t itemCount = 0;
  std::vector<std::string> names;
  std::vector<std::vector<std::optional<std::string>>> values;  // values[column][item]

  // The column called `name`, or -1.
  int find(std::string_view name) const;
  void add(std::string name, std::vector<std::optional<std::string>> column);
};

struct KeyInferenceInput {
  std::string entity;                // names an invented attribute as a last resort
  std::string keyAttribute;          // PK, SK, GSI1PK, DeviceID, State#Date, ...
  std::optional<std::string> alias;  // a facet's alias for the key (Workbench), if any
  std::vector<std::optional<std::string>> keyValues;  // the key's value in each item
};

// Infers the kvlab/1 template of a key attribute from its sample values:
// - a key with a meaningful name (`DeviceID`, `Operator`) holds an attribute of that name, after a
//   literal prefix the values share (`d#{DeviceID}`);
// - a generic key (PK, SK, GSI1-PK, `State#Date`) is composed of the item's attribute values and
//   literal text when one composition reproduces every sample (`{State}#{Date}`), else a
//   constant when every sample is the same word without digits (`A`, `meta`), else the shared
//   literal prefix and one invented attribute (`c#{cId}`; the alias names it when there is one);
// - with no sample, `{alias}` or `{KEY}`.
// Attributes the template uses that are not columns yet are added to `columns` with their values.
// Returns the template text (braces in literals escaped). Deterministic.
std::string inferKeyTemplate(const KeyInferenceInput& input, SampleColumns& columns);

// True for key attribute names that say nothing about their content: PK, SK, pk1, GSI1PK,
// GSI_1_SK, gsi2-sk, hash, range, and any name that is not a plain identifier (`State#Date`).
bool isGenericKeyName(std::string_view name);

// `{` and `}` doubled, so that `text` is a template of literal text only.
std::string escapeTemplateLiteral(std::string_view text);

}  // namespace kvlab::model::interop
