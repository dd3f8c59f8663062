#pragma once

#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QString>
#include <QTimer>
#include <filesystem>
#include <functional>

namespace kvlab::test {

// The QApplication every widget test needs. The binary's main is GoogleTest's, so the
// application is made on first use, on the offscreen platform unless QT_QPA_PLATFORM says
// otherwise, and lives until the process ends.
inline QApplication* ensureApplication() {
  if (auto* existing = qobject_cast<QApplication*>(QCoreApplication::instance())) return existing;
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  static int argc = 1;
  static char name[] = "ui_tests";
  static char* argv[] = {name, nullptr};
  // Deliberately never deleted: widgets in static storage or leaked by a failed test may
  // outlive main, and Qt must still be there for them.
  static QApplication* application = new QApplication(argc, argv);
  return application;
}

// Answers the next modal message box with `button`, once it is open; `seen` gets it first.
inline void answerNextMessageBox(QMessageBox::StandardButton button,
                                 std::function<void(QMessageBox*)> seen = {}) {
  auto* timer = new QTimer(QApplication::instance());
  timer->setInterval(10);
  QObject::connect(timer, &QTimer::timeout, [timer, button, seen] {
    auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
    if (!box) return;
    timer->stop();
    timer->deleteLater();
    if (seen) seen(box);
    box->button(button)->click();
  });
  timer->start();
}

// A fixture for tests that touch Qt widgets or models.
class UiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ensureApplication(); }
};

// A kvlab/1 document that reads but does not validate: its one access pattern names an entity
// the project lacks, which the validator reports at kBrokenProjectErrorPath.
inline constexpr const char* kBrokenProjectJson = R"({
  "format": "kvlab/1",
  "name": "Broken",
  "entities": [
    {"name": "User", "identifier": ["userId"], "attributes": [{"name": "userId", "type": "S"}]}
  ],
  "accessPatterns": [
    {"id": "AP1", "name": "User by id", "action": "get", "entities": ["Ghost"], "equals": ["userId"]}
  ],
  "designs": []
}
)";
inline constexpr const char* kBrokenProjectErrorPath = "accessPatterns[0].entities[0]";

inline QString qtPath(const std::filesystem::path& path) {
  return QString::fromStdString(path.string());
}

}  // namespace kvlab::test
