#include "model/capacity/item_size.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "model/capacity/dynamodb_limits.h"

namespace kvlab::model::capacity {
namespace {

// DynamoDB's Number range: 1E-130 .. 9.9999999999999999999999999999999999999E+125 in magnitude
// ([DG-now] HowItWorks.NamingRulesDataTypes.html). Powers of ten of the leading digit.
constexpr std::int64_t kSmallestLeadingPlace = -130;
constexpr std::int64_t kLargestLeadingPlace = 125;
// Far beyond the range; keeps the exponent arithmetic from overflowing.
constexpr std::int64_t kMaxExponentDigits = 9;

std::int64_t floorHalf(std::int64_t x) { return x >= 0 ? x / 2 : -((-x + 1) / 2); }

CapacityError invalidNumber(std::string_view text, const std::string& path, std::string why) {
  std::string message = "Number \"" + std::string(text) + "\"";
  if (!path.empty()) message += " at " + path;
  message += ": " + why;
  return CapacityError{ErrorCode::InvalidNumber, path, std::move(message)};
}

Result<std::int64_t> numberSizeAt(std::string_view text, const std::string& path) {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
    negative = text[i] == '-';
    ++i;
  }
  std::string digits;
  std::int64_t integerDigits = 0;
  bool seenPoint = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits.push_back(c);
      if (!seenPoint) ++integerDigits;
    } else if (c == '.' && !seenPoint) {
      seenPoint = true;
    } else {
      break;
    }
  }
  if (digits.empty()) {
    return invalidNumber(text, path, "expected a decimal number such as 42, -1.5 or 1E-130");
  }
  std::int64_t exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool negativeExponent = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
      negativeExponent = text[i] == '-';
      ++i;
    }
    const std::size_t start = i;
    for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) {
      if (i - start >= static_cast<std::size_t>(kMaxExponentDigits)) {
        return invalidNumber(text, path, "the exponent is out of range");
      }
      exponent = exponent * 10 + (text[i] - '0');
    }
    if (i == start) return invalidNumber(text, path, "expected digits after the exponent mark");
    if (negativeExponent) exponent = -exponent;
  }
  if (i != text.size()) {
    return invalidNumber(text, path, "unexpected character '" + std::string(1, text[i]) + "'");
  }

  // Significant digits only; the decimal point sits after `pointAt` digits of `digits`.
  std::int64_t pointAt = integerDigits + exponent;
  const std::size_t firstNonZero = digits.find_first_not_of('0');
  if (firstNonZero == std::string::npos) return std::int64_t{1};  // zero
  digits.erase(0, firstNonZero);
  pointAt -= static_cast<std::int64_t>(firstNonZero);
  digits.erase(digits.find_last_not_of('0') + 1);

  if (static_cast<int>(digits.size()) > limits::kMaxNumberDigits) {
    return invalidNumber(text, path,
                         "has " + std::to_string(digits.size()) +
                             " significant digits; DynamoDB keeps at most " +
                             std::to_string(limits::kMaxNumberDigits));
  }
  const std::int64_t leadingPlace = pointAt - 1;  // power of ten of the first digit
  const std::int64_t trailingPlace = pointAt - static_cast<std::int64_t>(digits.size());
  if (leadingPlace < kSmallestLeadingPlace || leadingPlace > kLargestLeadingPlace) {
    return invalidNumber(text, path,
                         "is outside DynamoDB's range of 1E-130 to 9.99...E+125 in magnitude");
  }
  // Pairs of digits aligned on the decimal point, from the first significant digit's pair to the
  // last's; the pairs at both ends hold a non-zero digit, so none is a trimmed "00".
  const std::int64_t pairs = floorHalf(leadingPlace) - floorHalf(trailingPlace) + 1;
  const std::int64_t size = pairs + 1 + (negative ? 1 : 0);
  return std::min(size, limits::kMaxNumberBytes);
}

std::string elementPath(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

Result<std::int64_t> valueSizeAt(const AttributeValue& value, const std::string& path, int depth);

Result<std::int64_t> documentSize(const AttributeValue& value, const std::string& path, int depth) {
  if (depth + 1 > limits::kMaxNestingDepth) {
    std::string where = path.empty() ? "a value" : path;
    return CapacityError{ErrorCode::NestingTooDeep, path,
                         where + " is nested more than " +
                             std::to_string(limits::kMaxNestingDepth) +
                             " levels deep in Lists and Maps"};
  }
  std::int64_t size = limits::kDocumentOverheadBytes;
  if (value.type() == ValueType::L) {
    for (std::size_t i = 0; i < value.elements().size(); ++i) {
      auto element = valueSizeAt(value.elements()[i], elementPath(path, i), depth + 1);
      if (!element) return element.error();
      size += element.value() + limits::kDocumentElementOverheadBytes;
    }
  } else {
    for (const Attribute& member : value.members()) {
      const std::string memberPath = path.empty() ? member.name : path + "." + member.name;
      auto element = valueSizeAt(member.value, memberPath, depth + 1);
      if (!element) return element.error();
      size += static_cast<std::int64_t>(member.name.size()) + element.value() +
              limits::kDocumentElementOverheadBytes;
    }
  }
  return size;
}

Result<std::int64_t> setSize(const AttributeValue& value, const std::string& path) {
  if (value.setElements().empty()) {
    std::string where = path.empty() ? "a set" : path;
    return CapacityError{ErrorCode::EmptySet, path,
                         where + " is an empty " + std::string(valueTypeName(value.type())) +
                             "; DynamoDB does not store empty sets"};
  }
  std::int64_t size = 0;
  for (std::size_t i = 0; i < value.setElements().size(); ++i) {
    const std::string& element = value.setElements()[i];
    if (value.type() == ValueType::NS) {
      auto number = numberSizeAt(element, elementPath(path, i));
      if (!number) return number.error();
      size += number.value();
    } else {
      size += static_cast<std::int64_t>(element.size());
    }
  }
  return size;
}

Result<std::int64_t> valueSizeAt(const AttributeValue& value, const std::string& path, int depth) {
  switch (value.type()) {
    case ValueType::S:
    case ValueType::B:
      return static_cast<std::int64_t>(value.text().size());
    case ValueType::N:
      return numberSizeAt(value.text(), path);
    case ValueType::BOOL:
    case ValueType::NULL_:
      return std::int64_t{1};
    case ValueType::L:
    case ValueType::M:
      return documentSize(value, path, depth);
    case ValueType::SS:
    case ValueType::NS:
    case ValueType::BS:
      return setSize(value, path);
  }
  return std::int64_t{0};
}

}  // namespace

Result<std::int64_t> numberSize(std::string_view decimalText) {
  return numberSizeAt(decimalText, "");
}

Result<std::int64_t> valueSize(const AttributeValue& value) { return valueSizeAt(value, "", 0); }

Result<std::int64_t> attributeSize(const Attribute& attribute) {
  const auto nameBytes = static_cast<std::int64_t>(attribute.name.size());
  if (nameBytes == 0) {
    return CapacityError{ErrorCode::InvalidAttributeName, "",
                         "an attribute name is empty; names take 1 byte to 64 KB"};
  }
  if (nameBytes > limits::kMaxAttributeNameBytes) {
    return CapacityError{ErrorCode::InvalidAttributeName, attribute.name.substr(0, 32),
                         "the attribute name starting \"" + attribute.name.substr(0, 32) +
                             "\" is " + std::to_string(nameBytes) +
                             " bytes; names take at most 65,536 bytes"};
  }
  auto value = valueSizeAt(attribute.value, attribute.name, 0);
  if (!value) return value.error();
  return nameBytes + value.value();
}

Result<std::int64_t> itemSize(const Item& item) {
  std::int64_t size = 0;
  for (const Attribute& attribute : item) {
    auto bytes = attributeSize(attribute);
    if (!bytes) return bytes.error();
    size += bytes.value();
  }
  return size;
}

std::int64_t estimatedValueSize(ValueType type, std::int64_t averageValueBytes) {
  const std::int64_t bytes = std::max<std::int64_t>(averageValueBytes, 0);
  switch (type) {
    case ValueType::BOOL:
    case ValueType::NULL_:
      return 1;
    case ValueType::N:
      return std::clamp<std::int64_t>(bytes, 1, limits::kMaxNumberBytes);
    case ValueType::S:
    case ValueType::B:
    case ValueType::L:
    case ValueType::M:
    case ValueType::SS:
    case ValueType::NS:
    case ValueType::BS:
      return bytes;
  }
  return bytes;
}

std::int64_t estimatedNumberSize(int significantDigits, bool negative) {
  const std::int64_t digits = std::max(significantDigits, 1);
  const std::int64_t size = (digits + 1) / 2 + 1 + (negative ? 1 : 0);
  return std::min(size, limits::kMaxNumberBytes);
}

std::int64_t estimatedListSize(std::span<const std::int64_t> elementValueBytes) {
  std::int64_t size = limits::kDocumentOverheadBytes;
  for (std::int64_t bytes : elementValueBytes) {
    size += std::max<std::int64_t>(bytes, 0) + limits::kDocumentElementOverheadBytes;
  }
  return size;
}

std::int64_t estimatedMapSize(std::span<const std::int64_t> memberBytes) {
  return estimatedListSize(memberBytes);
}

std::int64_t estimatedAttributeSize(std::string_view name, ValueType type,
                                    std::int64_t averageValueBytes) {
  return static_cast<std::int64_t>(name.size()) + estimatedValueSize(type, averageValueBytes);
}

std::int64_t estimatedAttributeSize(const AttributeEstimate& attribute) {
  return estimatedAttributeSize(attribute.name, attribute.type, attribute.averageValueBytes);
}

std::int64_t estimatedItemSize(std::span<const AttributeEstimate> attributes) {
  std::int64_t size = 0;
  for (const AttributeEstimate& attribute : attributes) size += estimatedAttributeSize(attribute);
  return size;
}

}  // namespace kvlab::model::capacity
