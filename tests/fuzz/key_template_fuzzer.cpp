// Fuzzes KeyTemplate::parse: no crash on any text, errors point inside the text, and a parsed
// template's toString() parses back to the same segments.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "model/schema/key_template.h"
#include "tests/fuzz/fuzz_check.h"

using kvlab::model::KeyTemplate;

namespace {

bool sameSegments(const KeyTemplate& a, const KeyTemplate& b) {
  if (a.segments().size() != b.segments().size()) return false;
  for (std::size_t i = 0; i < a.segments().size(); ++i) {
    const KeyTemplate::Segment& x = a.segments()[i];
    const KeyTemplate::Segment& y = b.segments()[i];
    if (x.isAttribute != y.isAttribute || x.text != y.text) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  KeyTemplate::ParseError error;
  const auto parsed = KeyTemplate::parse(text, &error);
  if (!parsed) {
    kvlab::fuzz::check(error.offset < text.size(), "a parse error's offset is outside the text",
                       text);
    kvlab::fuzz::check(!error.message.empty(), "a parse error without a message", text);
    return 0;
  }
  for (const KeyTemplate::Segment& segment : parsed->segments()) {
    kvlab::fuzz::check(!segment.text.empty(), "an empty segment", text);
  }
  const std::string written = parsed->toString();
  KeyTemplate::ParseError again;
  const auto reparsed = KeyTemplate::parse(written, &again);
  kvlab::fuzz::check(reparsed.has_value(), "toString() of a parsed template does not parse",
                     written);
  kvlab::fuzz::check(sameSegments(*parsed, *reparsed), "toString() parses back to other segments",
                     written);
  kvlab::fuzz::check(reparsed->toString() == written, "toString() is not stable", written);

  (void)parsed->attributes();
  const std::string prefix = parsed->literalPrefix();
  kvlab::fuzz::check(prefix.size() <= text.size(), "a literal prefix longer than the template",
                     text);
  const std::string rendered =
      parsed->render([](std::string_view attribute) { return "<" + std::string(attribute) + ">"; });
  if (parsed->isConstant()) {
    kvlab::fuzz::check(parsed->attributes().empty(), "a constant template names attributes", text);
    kvlab::fuzz::check(rendered == prefix, "a constant template renders other than its text", text);
  }
  return 0;
}
