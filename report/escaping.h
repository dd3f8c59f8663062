#pragma once

#include <string>
#include <string_view>

namespace kvlab::report {

// Text for HTML and XML (SVG) content and attribute values: & < > " ' as entities, and control
// characters other than tab, line feed and carriage return dropped (XML cannot hold them).
std::string htmlEscape(std::string_view text);

// Text for one cell of a Markdown table: pipes and backslashes escaped, HTML's < > & as
// entities (a renderer would otherwise run them), line breaks as <br>, backticks, asterisks,
// underscores and brackets escaped so that user text cannot turn into markup or a link.
std::string markdownCell(std::string_view text);

// Text for a Markdown paragraph or heading: as markdownCell, but pipes need no escape.
std::string markdownText(std::string_view text);

// One field of an RFC 4180 CSV record: quoted (with quotes doubled) when it holds a comma, a
// quote, a line break or leading or trailing space. A text cell that a spreadsheet would read as
// a formula (starting with = + - @, tab or carriage return) is prefixed with a single quote
// (OWASP's advice against CSV injection); `isNumber` fields are written as they are.
std::string csvField(std::string_view text, bool isNumber = false);

}  // namespace kvlab::report
