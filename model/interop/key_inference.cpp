#include "model/interop/key_inference.h"

#include <algorithm>
#include <cctype>

#include "model/schema/key_template.h"

namespace kvlab::model::interop {

int SampleColumns::find(std::string_view name) const {
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return static_cast<int>(i);
  }
  return -1;
}

void SampleColumns::add(std::string name, std::vector<std::optional<std::string>> column) {
  column.resize(itemCount);
  names.push_back(std::move(name));
  values.push_back(std::move(column));
}

std::string escapeTemplateLiteral(std::string_view text) {
  std::string out;
  for (char c : text) {
    out += c;
    if (c == '{' || c == '}') out += c;
  }
  return out;
}

namespace {

bool isAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool isIdentifier(std::string_view name) {
  if (name.empty()) return false;
  return std::all_of(name.begin(), name.end(), [](char c) { return isAlnum(c) || c == '_'; });
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string lowerCamel(std::string_view text) {
  std::string out;
  bool upperNext = false;
  for (char c : text) {
    if (!isAlnum(c)) {
      upperNext = !out.empty();
      continue;
    }
    if (out.empty()) {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (upperNext) {
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else {
      out += c;
    }
    upperNext = false;
  }
  return out;
}

// One piece of a template: literal text or a column.
struct Piece {
  bool isColumn = false;
  std::string text;  // literal text, or the column name
  int column = -1;
};

std::string templateText(const std::vector<Piece>& pieces) {
  std::string out;
  for (const Piece& p : pieces)
    out += p.isColumn ? "{" + p.text + "}" : escapeTemplateLiteral(p.text);
  return out;
}

std::optional<std::string> render(const std::vector<Piece>& pieces, const SampleColumns& columns,
                                  std::size_t item) {
  std::string out;
  for (const Piece& p : pieces) {
    if (!p.isColumn) {
      out += p.text;
      continue;
    }
    const auto& value = columns.values[static_cast<std::size_t>(p.column)][item];
    if (!value) return std::nullopt;
    out += *value;
  }
  return out;
}

// The composition of `value` from the columns' values in `item` that covers the most characters,
// matching whole values at token boundaries only (so "1" does not match inside "T10").
std::vector<Piece> compose(const std::string& value, const SampleColumns& columns,
                           std::size_t item) {
  const std::size_t n = value.size();
  // best[i]: most characters covered by columns in value[i..n); choice[i]: column matched at i.
  std::vector<std::size_t> best(n + 1, 0);
  std::vector<int> choice(n + 1, -1);
  for (std::size_t i = n; i-- > 0;) {
    best[i] = best[i + 1];
    if (i > 0 && isAlnum(value[i - 1]) && isAlnum(value[i])) continue;
    for (std::size_t c = 0; c < columns.names.size(); ++c) {
      // A name with a brace cannot be a placeholder.
      if (columns.names[c].find_first_of("{}") != std::string::npos) continue;
      const auto& candidate = columns.values[c][item];
      if (!candidate || candidate->empty() || candidate->size() > n - i) continue;
      if (value.compare(i, candidate->size(), *candidate) != 0) continue;
      const std::size_t end = i + candidate->size();
      if (end < n && isAlnum(value[end - 1]) && isAlnum(value[end])) continue;
      const std::size_t covered = candidate->size() + best[end];
      if (covered > best[i]) {
        best[i] = covered;
        choice[i] = static_cast<int>(c);
      }
    }
  }
  std::vector<Piece> pieces;
  for (std::size_t i = 0; i < n;) {
    if (choice[i] >= 0 && best[i] > best[i + 1]) {
      const int c = choice[i];
      pieces.push_back({true, columns.names[static_cast<std::size_t>(c)], c});
      i += columns.values[static_cast<std::size_t>(c)][item]->size();
      continue;
    }
    if (pieces.empty() || pieces.back().isColumn) pieces.push_back({false, "", -1});
    pieces.back().text += value[i];
    ++i;
  }
  return pieces;
}

bool hasDigit(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

// The longest prefix every value shares that ends just after a separator (`c#` of `c#1`, `c#2`)
// and leaves something after it in every value.
std::string sharedPrefix(const std::vector<std::string>& values) {
  std::string prefix = values.front();
  for (const std::string& v : values) {
    std::size_t k = 0;
    while (k < prefix.size() && k < v.size() && prefix[k] == v[k]) ++k;
    prefix.resize(k);
  }
  for (const std::string& v : values) {
    if (prefix.size() >= v.size()) prefix.resize(v.empty() ? 0 : v.size() - 1);
  }
  while (!prefix.empty() && isAlnum(prefix.back())) prefix.pop_back();
  return prefix;
}

// The literal part of the shared prefix: its leading words without digits (`USER#` of `USER#7`,
// nothing of `2024-01-`), only the first word when there is one sample (a lone `T#1#X#9` says
// nothing about which words vary), and nothing without a letter.
std::string literalPrefix(const std::vector<std::string>& values) {
  const std::string shared = sharedPrefix(values);
  std::string out;
  std::size_t i = 0;
  while (i < shared.size()) {
    std::size_t end = i;
    bool digit = false;
    while (end < shared.size() && isAlnum(shared[end])) {
      digit = digit || std::isdigit(static_cast<unsigned char>(shared[end])) != 0;
      ++end;
    }
    while (end < shared.size() && !isAlnum(shared[end])) ++end;
    if (digit) break;
    out += shared.substr(i, end - i);
    i = end;
    if (values.size() == 1) break;
  }
  const bool letter = std::any_of(out.begin(), out.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) != 0;
  });
  return letter ? out : std::string();
}

// A name for an attribute that holds the variable part of a key.
std::string inventedName(const KeyInferenceInput& input, const std::string& prefix) {
  if (input.alias && *input.alias != input.keyAttribute && isIdentifier(*input.alias)) {
    return *input.alias;
  }
  if (!isGenericKeyName(input.keyAttribute)) return input.keyAttribute;
  // The last word of the prefix: "c#" -> "cId", "USER#" -> "userId".
  std::string word;
  for (std::size_t i = prefix.size(); i-- > 0;) {
    if (std::isalpha(static_cast<unsigned char>(prefix[i])) != 0) {
      word.insert(word.begin(), prefix[i]);
    } else if (!word.empty()) {
      break;
    }
  }
  if (!word.empty()) return lower(word) + "Id";
  const std::string entity = lowerCamel(input.entity);
  return (entity.empty() ? std::string("item") : entity) + "Id";
}

}  // namespace

bool isGenericKeyName(std::string_view name) {
  if (!isIdentifier(name)) return true;
  std::string core;
  for (char c : name) {
    if (std::isalpha(static_cast<unsigned char>(c)) != 0) {
      core += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  static const char* const kGeneric[] = {"pk",           "sk",
                                         "hk",           "rk",
                                         "hash",         "range",
                                         "hashkey",      "rangekey",
                                         "partitionkey", "sortkey",
                                         "gsipk",        "gsisk",
                                         "lsisk",        "gspk",
                                         "gssk",         "gsihash",
                                         "gsirange",     "gsihk",
                                         "gsirk",        "lsirange",
                                         "data",         "gsipartitionkey",
                                         "gsisortkey"};
  for (const char* generic : kGeneric) {
    if (core == generic) return true;
  }
  return false;
}

std::string inferKeyTemplate(const KeyInferenceInput& input, SampleColumns& columns) {
  std::vector<std::size_t> items;
  std::vector<std::string> values;
  for (std::size_t i = 0; i < input.keyValues.size() && i < columns.itemCount; ++i) {
    if (input.keyValues[i]) {
      items.push_back(i);
      values.push_back(*input.keyValues[i]);
    }
  }
  const bool generic = isGenericKeyName(input.keyAttribute);

  if (items.empty() ||
      std::any_of(values.begin(), values.end(), [](const std::string& v) { return v.empty(); })) {
    const std::string name = inventedName(input, "");
    if (columns.find(name) < 0) columns.add(name, {});
    return "{" + name + "}";
  }

  // A composition of the item's own attributes that holds for every sample.
  for (std::size_t candidate = 0; candidate < items.size() && candidate < 8; ++candidate) {
    const std::vector<Piece> pieces = compose(values[candidate], columns, items[candidate]);
    if (std::none_of(pieces.begin(), pieces.end(), [](const Piece& p) { return p.isColumn; })) {
      continue;
    }
    bool all = true;
    for (std::size_t k = 0; k < items.size() && all; ++k) {
      all = render(pieces, columns, items[k]) == values[k];
    }
    if (all) return templateText(pieces);
  }
  if (generic) {
    // The same word in every sample: a constant such as "A", "meta", "#METADATA". A value with
    // a digit is taken for an id that the samples happen to share (`o#12345` of one order's
    // items), not for a constant.
    const bool same = std::all_of(values.begin(), values.end(),
                                  [&](const std::string& v) { return v == values.front(); });
    if (same && !hasDigit(values.front())) {
      return escapeTemplateLiteral(values.front());
    }
  }

  const std::string prefix = literalPrefix(values);
  std::vector<std::optional<std::string>> rest(columns.itemCount);
  for (std::size_t k = 0; k < items.size(); ++k) rest[items[k]] = values[k].substr(prefix.size());
  const std::string base = inventedName(input, prefix);
  for (int n = 1;; ++n) {
    const std::string name = n == 1 ? base : base + std::to_string(n);
    const int existing = columns.find(name);
    if (existing < 0) {
      columns.add(name, std::move(rest));
      return escapeTemplateLiteral(prefix) + "{" + name + "}";
    }
    auto& column = columns.values[static_cast<std::size_t>(existing)];
    // A listed attribute without sample values (`cId` of a facet whose items hold only PK)
    // learns them from the key; a column that holds these values already (the same key seen
    // twice) is the same attribute.
    const bool empty =
        std::all_of(column.begin(), column.end(), [](const auto& v) { return !v.has_value(); });
    bool same = true;
    for (std::size_t item : items) same = same && column[item] == rest[item];
    if (empty) column = rest;
    if (empty || same) return escapeTemplateLiteral(prefix) + "{" + name + "}";
  }
}

}  // namespace kvlab::model::interop
