// Every format renders every corpus design and sample; user text is escaped in each; a run's
// numbers appear; the HTML needs nothing from outside.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <regex>

#include "report/cell_text.h"
#include "report/csv_report.h"
#include "report/escaping.h"
#include "report/html_report.h"
#include "report/markdown_report.h"
#include "report/report_format.h"
#include "tests/report/report_test_support.h"

namespace kvlab::report {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::vector<std::filesystem::path> projectFiles() {
  std::vector<std::filesystem::path> files = kvlab::test::corpusDesignFilesForParameters();
  for (const auto& f : kvlab::test::sampleFiles()) files.push_back(f);
  return files;
}

// What unzip -p prints for `member` of `archive`.
std::string unzipMember(const std::filesystem::path& archive, const std::string& member) {
  test::CliRun run = test::runCommand("unzip -p " + test::shellQuoted(archive.string()) + " " +
                                      test::shellQuoted(member));
  EXPECT_EQ(run.exitCode, 0) << run.err;
  return run.out;
}

void expectSelfContained(const std::string& html) {
  const std::string text = lower(html);
  EXPECT_THAT(text, Not(HasSubstr("<script")));
  EXPECT_THAT(text, Not(HasSubstr("<link")));
  EXPECT_THAT(text, Not(HasSubstr("@import")));
  EXPECT_THAT(text, Not(HasSubstr("url(")));
  // A src or href may only point inside the document.
  const std::regex reference(R"re((src|href)\s*=\s*["']?([^"'\s>]*))re");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), reference);
       it != std::sregex_iterator(); ++it) {
    EXPECT_EQ((*it)[2].str().rfind('#', 0), 0u) << (*it)[0].str();
  }
}

class EveryProject : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(EveryProject, shouldRenderEveryDesignInEveryFormat) {
  const model::Project project = test::loadProject(GetParam());
  ASSERT_FALSE(project.designs.empty());
  kvlab::test::TempDir dir;
  for (const model::Design& design : project.designs) {
    const ReportData report = test::reportOf(project, &design);
    for (ReportFormat format :
         {ReportFormat::Html, ReportFormat::Markdown, ReportFormat::Csv, ReportFormat::Xlsx}) {
      const auto out = dir / ("report." + std::string(reportFormatName(format)));
      const Status written = writeReport(report, format, out);
      ASSERT_TRUE(written.ok()) << written.message();
      EXPECT_GT(std::filesystem::file_size(out), 1000u) << out;
    }
    const std::string html = kvlab::test::readFile(dir / "report.html");
    expectSelfContained(html);
    EXPECT_THAT(html, HasSubstr(htmlEscape(design.table.name)));
    const std::string markdown = kvlab::test::readFile(dir / "report.md");
    EXPECT_THAT(markdown, HasSubstr("## Plan"));
    const auto records = test::parseCsv(kvlab::test::readFile(dir / "report.csv"));
    ASSERT_FALSE(records.empty());
    for (const auto& r : records) ASSERT_EQ(r.size(), 5u);
    const std::string workbook = unzipMember(dir / "report.xlsx", "xl/workbook.xml");
    EXPECT_THAT(workbook, HasSubstr("name=\"Plan\""));
  }
}

INSTANTIATE_TEST_SUITE_P(CorpusAndSamples, EveryProject, ::testing::ValuesIn(projectFiles()),
                         kvlab::test::corpusTestName);

// ---- Hostile user text ----------------------------------------------------------------------

const std::string kScript = "<script>alert('x')</script>";
const std::string kFormula = "=cmd()";
const std::string kCsvBreaker = "a \"quoted\", comma-separated\nsecond line | with a pipe";

model::Project hostileProject() {
  model::Project project = test::loadProject(test::shopSample());
  project.name = kScript;
  project.description = kCsvBreaker + " " + kScript;
  project.accessPatterns[0].name = kScript;
  project.accessPatterns[1].name = kFormula;
  project.accessPatterns[2].name = kCsvBreaker;
  return project;
}

TEST(HostileText, htmlShouldHoldNoRawMarkupFromUserText) {
  const model::Project project = hostileProject();
  const std::string html = htmlReport(test::reportOf(project));
  EXPECT_THAT(lower(html), Not(HasSubstr("<script")));
  EXPECT_THAT(html, HasSubstr("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
  EXPECT_THAT(html, HasSubstr("a &quot;quoted&quot;, comma-separated"));
  expectSelfContained(html);
}

TEST(HostileText, markdownTablesShouldKeepTheirShape) {
  const std::string markdown = markdownReport(test::reportOf(hostileProject()));
  EXPECT_THAT(markdown, Not(HasSubstr("<script")));
  // In the access patterns table every row has as many unescaped pipes as its header.
  const std::size_t start = markdown.find("### Access patterns");
  ASSERT_NE(start, std::string::npos);
  const std::size_t end = markdown.find("\n\n", markdown.find("\n|", start) + 1);
  std::vector<std::string> lines;
  std::string line;
  for (std::size_t i = markdown.find("\n|", start) + 1; i < end; ++i) {
    if (markdown[i] == '\n') {
      lines.push_back(line);
      line.clear();
    } else {
      line += markdown[i];
    }
  }
  lines.push_back(line);
  auto pipes = [](const std::string& l) {
    int n = 0;
    for (std::size_t i = 0; i < l.size(); ++i) n += l[i] == '|' && (i == 0 || l[i - 1] != '\\');
    return n;
  };
  ASSERT_GE(lines.size(), 10u);  // header, rule, 8 patterns
  for (const std::string& l : lines) EXPECT_EQ(pipes(l), pipes(lines[0])) << l;
  EXPECT_THAT(markdown, HasSubstr("comma-separated<br>second line \\| with a pipe"));
}

TEST(HostileText, csvShouldReadBackEveryNameAndDisarmFormulas) {
  const std::string csv = csvReport(test::reportOf(hostileProject()));
  const auto records = test::parseCsv(csv);
  ASSERT_FALSE(records.empty());
  EXPECT_EQ(records[0], (std::vector<std::string>{"section", "table", "row", "column", "value"}));
  std::vector<std::string> names;
  for (const auto& r : records) {
    ASSERT_EQ(r.size(), 5u);
    if (r[1] == "access-patterns" && r[3] == "Name") names.push_back(r[4]);
  }
  ASSERT_GE(names.size(), 3u);
  EXPECT_EQ(names[0], kScript);
  EXPECT_EQ(names[1], "'" + kFormula);
  EXPECT_EQ(names[2], kCsvBreaker);
}

TEST(HostileText, xlsxShouldStoreFormulaLikeTextAsStrings) {
  kvlab::test::TempDir dir;
  const auto out = dir / "hostile.xlsx";
  ASSERT_TRUE(writeReport(test::reportOf(hostileProject()), ReportFormat::Xlsx, out).ok());
  const std::string strings = unzipMember(out, "xl/sharedStrings.xml");
  EXPECT_THAT(strings, HasSubstr("<t>=cmd()</t>"));
  EXPECT_THAT(strings, HasSubstr("&lt;script&gt;"));
  EXPECT_THAT(strings, Not(HasSubstr("<script")));
  // No sheet has a formula cell; the Model sheet's cells with text are shared strings.
  for (int sheet = 1; sheet <= 5; ++sheet) {
    const std::string xml =
        unzipMember(out, "xl/worksheets/sheet" + std::to_string(sheet) + ".xml");
    EXPECT_THAT(xml, Not(HasSubstr("<f>"))) << sheet;
    EXPECT_THAT(xml, Not(HasSubstr("<f "))) << sheet;
  }
}

// ---- A run ------------------------------------------------------------------------------

TEST(RunInReport, shouldShowThePercentilesOfARealRunInEveryFormat) {
  const model::Project project = test::loadProject(test::shopSample());
  const model::Design& design = project.designs.front();
  const model::DesignPlan plan = model::planDesign(project, design, test::prices());
  const sim::RunResult run = test::simulate(project, design, plan, test::prices(), 5);
  const sim::PatternResult& ap1 = run.patterns.front();
  ASSERT_EQ(ap1.id, "AP1");
  ASSERT_GT(ap1.latency.p99, 0);
  const ReportData report = test::reportOf(project, &design, {run});
  const std::string p99 = groupedNumber(ap1.latency.p99, 2);

  const std::string html = htmlReport(report);
  EXPECT_THAT(html, HasSubstr("<td class=\"n\">" + p99 + "</td>"));
  EXPECT_EQ(std::count(html.begin(), html.end(), '\0'), 0);
  std::size_t svgs = 0;
  for (std::size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1))
    ++svgs;
  EXPECT_EQ(svgs, 3u);  // latency, timeline, heat map
  expectSelfContained(html);

  EXPECT_THAT(markdownReport(report), HasSubstr("| " + p99 + " |"));

  bool found = false;
  const auto records = test::parseCsv(csvReport(report));
  for (const auto& r : records) {
    if (r[1] == "run1-patterns" && r[2] == "1" && r[3] == "p99 ms") {
      EXPECT_EQ(std::stod(r[4]), ap1.latency.p99);
      found = true;
    }
  }
  EXPECT_TRUE(found);

  kvlab::test::TempDir dir;
  ASSERT_TRUE(writeReport(report, ReportFormat::Xlsx, dir / "run.xlsx").ok());
  const std::string workbook = unzipMember(dir / "run.xlsx", "xl/workbook.xml");
  EXPECT_THAT(workbook, HasSubstr("name=\"Run 1\""));
}

TEST(RunInReport, aFailedWriteShouldLeaveNothing) {
  const ReportData report = test::reportOf(test::loadProject(test::shopSample()));
  for (ReportFormat format : {ReportFormat::Html, ReportFormat::Xlsx}) {
    const std::filesystem::path out = "/nonexistent-dir/report.out";
    const Status status = writeReport(report, format, out);
    EXPECT_FALSE(status.ok());
    EXPECT_THAT(status.message(), HasSubstr("/nonexistent-dir/report.out"));
  }
}

}  // namespace
}  // namespace kvlab::report
