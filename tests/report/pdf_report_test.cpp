// The PDF (Qt) and the charts rendered to pictures: pages through pdftoppm, the HTML's SVG
// charts through QtSvg, each written to the test artifacts folder for a person to look at.
#ifdef KVLAB_HAVE_REPORT_PDF

#include "report/pdf/pdf_report.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include "report/html_report.h"
#include "tests/report/report_test_support.h"

namespace kvlab::report {
namespace {

// The share of pixels that are not (nearly) white.
double inkShare(const QImage& image) {
  if (image.isNull()) return 0;
  std::int64_t ink = 0;
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) {
      const QRgb p = image.pixel(x, y);
      if (qRed(p) < 235 || qGreen(p) < 235 || qBlue(p) < 235) ++ink;
    }
  }
  return static_cast<double>(ink) / (static_cast<double>(image.width()) * image.height());
}

// The pages of `pdf` as PNGs `<stem>-N.png` in the artifacts folder (pdftoppm -png -r 50).
std::vector<std::filesystem::path> renderPages(const std::filesystem::path& pdf,
                                               const std::string& stem) {
  const std::filesystem::path dir = test::artifactsDir();
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().filename().string().rfind(stem + "-", 0) == 0)
      std::filesystem::remove(entry.path());
  }
  test::CliRun run = test::runCommand("pdftoppm -png -r 50 " + test::shellQuoted(pdf.string()) +
                                      " " + test::shellQuoted((dir / stem).string()));
  EXPECT_EQ(run.exitCode, 0) << run.err;
  std::vector<std::filesystem::path> pages;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(stem + "-", 0) == 0 && entry.path().extension() == ".png")
      pages.push_back(entry.path());
  }
  std::sort(pages.begin(), pages.end());
  return pages;
}

TEST(PdfReport, shouldRenderTheShopWithARunToPagesWithContent) {
  const model::Project project = test::loadProject(test::shopSample());
  const model::Design& design = project.designs.front();
  const model::DesignPlan plan = model::planDesign(project, design, test::prices());
  const sim::RunResult run = test::simulate(project, design, plan, test::prices(), 20);
  const ReportData report = test::reportOf(project, &design, {run});
  const std::filesystem::path pdf = test::artifactsDir() / "online-shop.pdf";
  const Status written = writePdfReport(report, pdf);
  ASSERT_TRUE(written.ok()) << written.message();
  EXPECT_EQ(kvlab::test::readFile(pdf).rfind("%PDF-", 0), 0u);
  const auto pages = renderPages(pdf, "online-shop");
  ASSERT_GE(pages.size(), 3u);
  for (const auto& page : pages) {
    const double share = inkShare(QImage(QString::fromStdString(page.string())));
    EXPECT_GT(share, 0.01) << page;  // a page with text and lines, not a blank one
  }
}

TEST(PdfReport, shouldRenderEveryCorpusDesignAndSample) {
  std::vector<std::filesystem::path> files = kvlab::test::corpusDesignFiles();
  for (const auto& f : kvlab::test::sampleFiles()) files.push_back(f);
  ASSERT_FALSE(files.empty());
  kvlab::test::TempDir dir;
  for (const auto& file : files) {
    const model::Project project = test::loadProject(file);
    for (const model::Design& design : project.designs) {
      const auto pdf = dir / "report.pdf";
      const Status written = writePdfReport(test::reportOf(project, &design), pdf);
      ASSERT_TRUE(written.ok()) << file << ": " << written.message();
      EXPECT_GT(std::filesystem::file_size(pdf), 5000u) << file;
    }
  }
}

TEST(PdfReport, aFailedWriteShouldNameTheFileAndLeaveNothing) {
  const ReportData report = test::reportOf(test::loadProject(test::shopSample()));
  const Status status = writePdfReport(report, "/nonexistent-dir/report.pdf");
  EXPECT_FALSE(status.ok());
  EXPECT_THAT(status.message(), ::testing::HasSubstr("/nonexistent-dir/report.pdf"));
}

TEST(SvgCharts, theHtmlChartsShouldRenderToPicturesWithContent) {
  const model::Project project =
      test::loadProject(kvlab::test::sourceDir() / "samples" / "hot-partition.kvlab.json");
  const model::Design* naive = project.findDesign("naive");
  ASSERT_NE(naive, nullptr);
  const model::DesignPlan plan = model::planDesign(project, *naive, test::prices());
  const sim::RunResult run = test::simulate(project, *naive, plan, test::prices(), 30);
  const ReportData report = test::reportOf(project, naive, {run});
  ASSERT_EQ(report.runs.size(), 1u);
  // The same run as a PDF, for a person to look at (this also makes the QGuiApplication that
  // drawing text needs).
  ASSERT_TRUE(writePdfReport(report, test::artifactsDir() / "hot-partition.pdf").ok());
  EXPECT_FALSE(
      renderPages(test::artifactsDir() / "hot-partition.pdf", "hot-partition-page").empty());
  for (const Chart& chart : runCharts(report.runs.front(), 1)) {
    QSvgRenderer renderer(QByteArray::fromStdString(chart.svg));
    ASSERT_TRUE(renderer.isValid()) << chart.name;
    QImage image(renderer.defaultSize() * 2, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    renderer.render(&painter);
    painter.end();
    const auto png = test::artifactsDir() / ("hot-partition-" + chart.name + ".png");
    ASSERT_TRUE(image.save(QString::fromStdString(png.string())));
    EXPECT_GT(inkShare(image), 0.02) << chart.name;
  }
}

}  // namespace
}  // namespace kvlab::report

#endif  // KVLAB_HAVE_REPORT_PDF
