#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kvlab::model {

// A key value template such as `ORDER#{orderDate}#{orderId}`: literal text and `{attribute}`
// placeholders. `{{` and `}}` stand for literal braces. Immutable; safe to share across threads.
class KeyTemplate {
 public:
  struct Segment {
    bool isAttribute = false;
    std::string text;  // the literal text, or the attribute name
  };

  struct ParseError {
    std::size_t offset = 0;  // 0-based character offset in the template text
    std::string message;
  };

  // Parses `text`. On failure returns nothing and, when `error` is given, says where and why.
  static std::optional<KeyTemplate> parse(std::string_view text, ParseError* error = nullptr);

  const std::vector<Segment>& segments() const { return segments_; }
  // The attribute names the template uses, in order of first use.
  std::vector<std::string> attributes() const;
  // The literal text before the first placeholder (`ORDER#` for `ORDER#{orderId}`).
  std::string literalPrefix() const;
  // True when the template is only literal text (the same value for every item).
  bool isConstant() const;
  // The template with placeholders filled by `valueOf(attribute)`.
  std::string render(const std::function<std::string(std::string_view)>& valueOf) const;
  // The template text, with braces in literals escaped again.
  std::string toString() const;

 private:
  std::vector<Segment> segments_;
};

}  // namespace kvlab::model
