#include "ui/views/heat_map_widget.h"

#include <gtest/gtest.h>

#include "tests/ui/qt_test_application.h"

namespace kvlab::ui {
namespace {

class HeatMapWidgetTest : public test::UiTest {};

sim::PartitionHeat partition(const std::string& owner, int id, std::uint64_t low,
                             std::vector<double> read, std::vector<double> write) {
  sim::PartitionHeat heat;
  heat.owner = owner;
  heat.id = id;
  heat.hashLow = low;
  heat.readUnits = std::move(read);
  heat.writeUnits = std::move(write);
  return heat;
}

// Three partitions over three seconds: idle, half the read limit, and past the write limit.
sim::RunResult threePartitions() {
  sim::RunResult run;
  run.engine = "dynamodb";
  run.durationSeconds = 3;
  run.partitions.owners.resize(1);
  run.partitions.owners[0].name = "table";
  run.partitions.heat = {partition("table", 0, 0, {0, 0, 0}, {0, 0, 0}),
                         partition("table", 1, 100, {1500, 1500, 0}, {0, 0, 0}),
                         partition("table", 2, 200, {0, 0, 0}, {500, 1200, 1000})};
  return run;
}

TEST_F(HeatMapWidgetTest, coloursEachSecondAgainstThePartitionsLimitAndMarksWhatIsOverIt) {
  HeatMapWidget heat;
  heat.setRun(threePartitions());
  ASSERT_EQ(heat.rowNames(), QStringList({"table #0", "table #1", "table #2"}));
  const QImage& cells = heat.cells();
  ASSERT_EQ(cells.size(), QSize(3, 3));
  EXPECT_DOUBLE_EQ(heat.peakShareOfLimit(), 1.2);
  EXPECT_DOUBLE_EQ(heat.maxUnits(), 1500);

  const QColor idle = cells.pixelColor(0, 0);
  const QColor half = cells.pixelColor(0, 1);       // 1,500 of 3,000 read units
  const QColor halfWrite = cells.pixelColor(0, 2);  // 500 of 1,000 write units
  const QColor over = cells.pixelColor(1, 2);       // 1,200 of 1,000 write units
  const QColor atLimit = cells.pixelColor(2, 2);    // 1,000 of 1,000
  // Against the limit, not the busiest cell: half a limit is the same colour for reads and
  // writes, and darker than idle but lighter than the limit.
  EXPECT_EQ(half, halfWrite);
  EXPECT_GT(idle.lightness(), half.lightness());
  EXPECT_GT(half.lightness(), atLimit.lightness());
  // Over the limit has a colour of its own, off the yellow-red scale.
  EXPECT_GT(over.blue(), over.red());
  EXPECT_NE(over, atLimit);
}

TEST_F(HeatMapWidgetTest, aRunWithoutPartitionsSaysSo) {
  HeatMapWidget heat;
  sim::RunResult run;
  run.engine = "relational";
  heat.setRun(run);
  EXPECT_TRUE(heat.cells().isNull());
  EXPECT_TRUE(heat.rowNames().isEmpty());
}

}  // namespace
}  // namespace kvlab::ui
