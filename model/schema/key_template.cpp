#include "model/schema/key_template.h"

namespace kvlab::model {

std::optional<KeyTemplate> KeyTemplate::parse(std::string_view text, ParseError* error) {
  auto fail = [&](std::size_t offset, std::string message) -> std::optional<KeyTemplate> {
    if (error != nullptr) *error = ParseError{offset, std::move(message)};
    return std::nullopt;
  };
  KeyTemplate result;
  std::string literal;
  auto flushLiteral = [&] {
    if (!literal.empty()) result.segments_.push_back(Segment{false, std::move(literal)});
    literal.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '{') {
      if (i + 1 < text.size() && text[i + 1] == '{') {
        literal += '{';
        ++i;
        continue;
      }
      const std::size_t close = text.find_first_of("{}", i + 1);
      if (close == std::string_view::npos || text[close] == '{') {
        return fail(i, "unbalanced braces: '{' at offset " + std::to_string(i) +
                           " is not closed (write '{{' for a literal brace)");
      }
      if (close == i + 1) return fail(i, "empty placeholder '{}' at offset " + std::to_string(i));
      flushLiteral();
      result.segments_.push_back(Segment{true, std::string(text.substr(i + 1, close - i - 1))});
      i = close;
    } else if (c == '}') {
      if (i + 1 < text.size() && text[i + 1] == '}') {
        literal += '}';
        ++i;
        continue;
      }
      return fail(i, "unbalanced braces: '}' at offset " + std::to_string(i) +
                         " has no opening '{' (write '}}' for a literal brace)");
    } else {
      literal += c;
    }
  }
  flushLiteral();
  return result;
}

std::vector<std::string> KeyTemplate::attributes() const {
  std::vector<std::string> names;
  for (const Segment& segment : segments_) {
    if (!segment.isAttribute) continue;
    bool seen = false;
    for (const std::string& name : names) seen = seen || name == segment.text;
    if (!seen) names.push_back(segment.text);
  }
  return names;
}

std::string KeyTemplate::literalPrefix() const {
  if (segments_.empty() || segments_.front().isAttribute) return {};
  return segments_.front().text;
}

bool KeyTemplate::isConstant() const {
  for (const Segment& segment : segments_) {
    if (segment.isAttribute) return false;
  }
  return true;
}

std::string KeyTemplate::render(const std::function<std::string(std::string_view)>& valueOf) const {
  std::string out;
  for (const Segment& segment : segments_) {
    out += segment.isAttribute ? valueOf(segment.text) : segment.text;
  }
  return out;
}

std::string KeyTemplate::toString() const {
  std::string out;
  for (const Segment& segment : segments_) {
    if (segment.isAttribute) {
      out += '{' + segment.text + '}';
      continue;
    }
    for (char c : segment.text) {
      if (c == '{' || c == '}') out += c;
      out += c;
    }
  }
  return out;
}

}  // namespace kvlab::model
