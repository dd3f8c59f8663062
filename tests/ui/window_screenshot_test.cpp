#include "ui/views/window_screenshot.h"

#include <gtest/gtest.h>

#include <QImage>
#include <QSet>

#include "tests/support/test_files.h"
#include "tests/ui/qt_test_application.h"
#include "ui/views/main_window.h"

namespace kvlab::ui {
namespace {

using test::qtPath;

class WindowScreenshotTest : public test::UiTest {};

TEST_F(WindowScreenshotTest, writesAPngOfTheWindowAtTheAskedSize) {
  MainWindow window;
  ASSERT_TRUE(window.openFile(
      qtPath(test::sharedDir() / "corpus" / "designs" / "aws-online-shop.kvlab.json")));
  test::TempDir dir;
  const QString path = qtPath(dir / "shots" / "model.png");

  const Status status = saveWindowScreenshot(window, QSize(1280, 800), path);

  ASSERT_TRUE(status.ok()) << status.message();
  const QImage image(path);
  ASSERT_FALSE(image.isNull());
  EXPECT_EQ(image.size(), QSize(1280, 800));
  // A painted window has many colours (antialiased text, icons, lines); a blank one has one.
  QSet<QRgb> colours;
  for (int y = 0; y < image.height(); y += 2) {
    for (int x = 0; x < image.width(); x += 2) colours.insert(image.pixel(x, y));
  }
  EXPECT_GT(colours.size(), 20);
}

TEST_F(WindowScreenshotTest, reportsAFolderItCannotCreate) {
  MainWindow window;
  test::TempDir dir;
  test::writeFile(dir / "file", "not a folder");

  const Status status =
      saveWindowScreenshot(window, QSize(320, 200), qtPath(dir / "file" / "x.png"));

  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("file"), std::string::npos);
}

}  // namespace
}  // namespace kvlab::ui
