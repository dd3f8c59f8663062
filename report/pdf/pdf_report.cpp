#include "report/pdf/pdf_report.h"

#include <memory>

#include <QFile>
#include <QFont>
#include <QGuiApplication>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgRenderer>
#include <QTextDocument>
#include <QUrl>

#include "model/io/atomic_file.h"
#include "report/html_report.h"

namespace kvlab::report {
namespace {

// Charts are drawn at this multiple of their size in pixels, so that they stay sharp in print.
constexpr double kChartScale = 3.0;

// The process's QGuiApplication, made the first time a PDF is written when there is none.
bool ensureGuiApplication() {
  if (QCoreApplication::instance() != nullptr) {
    return qobject_cast<QGuiApplication*>(QCoreApplication::instance()) != nullptr;
  }
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  static int argc = 1;
  static char name[] = "kvlab";
  static char* argv[] = {name, nullptr};
  static std::unique_ptr<QGuiApplication> application =
      std::make_unique<QGuiApplication>(argc, argv);
  return true;
}

QImage chartImage(const std::string& svg) {
  QSvgRenderer renderer(QByteArray::fromStdString(svg));
  const QSize size = renderer.defaultSize();
  QImage image(size * kChartScale, QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::white);
  QPainter painter(&image);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setRenderHint(QPainter::TextAntialiasing);
  renderer.render(&painter);
  return image;
}

}  // namespace

Status writePdfReport(const ReportData& report, const std::filesystem::path& path) {
  if (!ensureGuiApplication()) {
    return Status::Error("cannot write " + path.string() +
                         ": PDF needs a QGuiApplication, and this process has a QCoreApplication");
  }
  model::TemporaryFileBeside temporary(path);
  if (Status created = temporary.create(); !created.ok()) return created;
  {
    QTextDocument document;
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(8);
    document.setDefaultFont(font);
    for (std::size_t i = 0; i < report.runs.size(); ++i) {
      for (const Chart& chart : runCharts(report.runs[i], static_cast<int>(i + 1))) {
        document.addResource(QTextDocument::ImageResource,
                             QUrl(QString::fromStdString("chart:" + chart.name)),
                             chartImage(chart.svg));
      }
    }
    HtmlOptions options;
    options.forQtRichText = true;
    document.setHtml(QString::fromStdString(htmlReport(report, options)));

    QPdfWriter writer(QString::fromStdString(temporary.path().string()));
    writer.setTitle(QString::fromStdString(report.title));
    writer.setCreator(QStringLiteral("KV Lab"));
    writer.setResolution(300);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
                                     QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter));
    document.print(&writer);
  }
  QFile written(QString::fromStdString(temporary.path().string()));
  if (!written.exists() || written.size() == 0) {
    return Status::Error("cannot write " + path.string());
  }
  return temporary.commit({});
}

}  // namespace kvlab::report
