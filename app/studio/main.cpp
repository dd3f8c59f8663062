// kvlab-studio [FILE]: the desktop studio. Autosaves unsaved changes for crash recovery and, on
// start, offers what a crash left behind.
// kvlab-studio --screenshot DIR FILE: opens FILE, writes one PNG of the main window at 1280x800
// per main view (DIR/model.png, plan.png, proposals.png, simulate.png and heatmap.png after a
// short run on DynamoDB, simulate-all.png and cost.png after one on every engine, runs.png with
// those runs kept, editing.png with an editor open, ...: ui/views/view_screenshots.h) and exits;
// for documentation and checks on machines without a display.
#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QSize>
#include <QStringList>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>

#include "model/io/diagnostic.h"
#include "ui/document/project_document.h"
#include "ui/document/recovery_store.h"
#include "ui/views/main_window.h"
#include "ui/views/view_screenshots.h"

namespace {

// QCommandLineParser needs the application, but the platform must be chosen before it exists.
bool asksForScreenshot(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--") == 0) return false;
    if (std::strcmp(argv[i], "--screenshot") == 0 ||
        std::strncmp(argv[i], "--screenshot=", 13) == 0) {
      return true;
    }
  }
  return false;
}

void printDiagnostics(const kvlab::model::Diagnostics& diagnostics) {
  for (const kvlab::model::Diagnostic& d : diagnostics.items()) {
    std::fprintf(stderr, "%s\n", kvlab::model::formatDiagnostic(d).c_str());
  }
}

int takeScreenshot(kvlab::ui::MainWindow& window, const QString& dir, const QString& file) {
  if (!window.openFile(file)) {
    std::fprintf(stderr, "kvlab-studio: cannot load %s\n", qPrintable(file));
    printDiagnostics(window.document()->diagnostics());
    return 1;
  }
  printDiagnostics(window.document()->diagnostics());
  const kvlab::Status status = kvlab::ui::saveViewScreenshots(window, QSize(1280, 800), dir);
  if (!status.ok()) {
    std::fprintf(stderr, "kvlab-studio: %s\n", status.message().c_str());
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (asksForScreenshot(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
  }
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("kvlab-studio"));
  QApplication::setApplicationDisplayName(QStringLiteral("KV Lab Studio"));
  QApplication::setApplicationVersion(QStringLiteral(KVLAB_VERSION));
  QApplication::setOrganizationName(QStringLiteral("KV Lab"));

  QCommandLineParser parser;
  parser.setApplicationDescription(
      QStringLiteral("KV Lab Studio: design DynamoDB single-table schemas."));
  parser.addHelpOption();
  parser.addVersionOption();
  const QCommandLineOption screenshot(
      QStringLiteral("screenshot"),
      QStringLiteral("Open FILE, write a PNG of each main view to <dir> (1280x800: model, "
                     "diagram, plan, aggregate and aggregate-gsi, proposals, simulate, "
                     "heatmap and simulate-all after a 10 s run on dynamodb and on every "
                     "engine, cost, runs (those runs kept), and the editors: editing, "
                     "design-editor, workload-editor; docs/studio.md), and exit."),
      QStringLiteral("dir"));
  parser.addOption(screenshot);
  parser.addPositionalArgument(QStringLiteral("file"),
                               QStringLiteral("The project to open (.kvlab or .kvlab.json)."),
                               QStringLiteral("[FILE]"));
  parser.process(app);

  const QStringList files = parser.positionalArguments();
  if (files.size() > 1) {
    std::fprintf(stderr, "kvlab-studio: expected at most one FILE, got %lld\n",
                 static_cast<long long>(files.size()));
    return 2;
  }

  kvlab::ui::MainWindow window;
  if (parser.isSet(screenshot)) {
    if (files.isEmpty()) {
      std::fprintf(stderr, "kvlab-studio: --screenshot DIR needs a FILE to open\n");
      return 2;
    }
    return takeScreenshot(window, parser.value(screenshot), files.front());
  }

  // Autosave and crash recovery (docs/studio.md): every "autosave/intervalSeconds" (default 60;
  // 0 turns it off) while the project has unsaved changes.
  const QSettings settings;
  const int autosaveSeconds =
      std::max(0, settings.value(QStringLiteral("autosave/intervalSeconds"), 60).toInt());
  window.enableRecovery(kvlab::ui::RecoveryStore::defaultDirectory(),
                        std::chrono::seconds(autosaveSeconds));
  // Recent files and the window's layout, where Qt keeps an application's settings.
  window.useSettings(std::make_unique<QSettings>());
  window.restoreLayout();
  window.show();
  if (files.isEmpty()) {
    window.offerPendingRecovery();
  } else if (!window.openFile(files.front())) {
    std::fprintf(stderr, "kvlab-studio: cannot load %s\n", qPrintable(files.front()));
    printDiagnostics(window.document()->diagnostics());
  }
  return app.exec();
}
