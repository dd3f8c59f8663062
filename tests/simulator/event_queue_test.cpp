#include "simulator/core/event_queue.h"

#include <gtest/gtest.h>

#include <vector>

#include "simulator/core/virtual_clock.h"
#include "simulator/workload/random.h"

namespace kvlab::sim {
namespace {

TEST(EventQueue, shouldPopEventsInTimeOrder) {
  EventQueue queue;
  queue.push(30, 1);
  queue.push(10, 2);
  queue.push(20, 3);
  EXPECT_EQ(queue.pop().kind, 2u);
  EXPECT_EQ(queue.pop().kind, 3u);
  EXPECT_EQ(queue.pop().kind, 1u);
  EXPECT_TRUE(queue.empty());
}

TEST(EventQueue, shouldPopEventsAtTheSameTimeInTheOrderTheyWerePushed) {
  EventQueue queue;
  for (std::uint64_t i = 0; i < 100; ++i) queue.push(5, 0, i);
  queue.push(1, 0, 1000);
  EXPECT_EQ(queue.pop().a, 1000u);
  for (std::uint64_t i = 0; i < 100; ++i) EXPECT_EQ(queue.pop().a, i);
}

TEST(EventQueue, shouldGiveTheSameOrderEveryTimeForTheSamePushes) {
  auto drain = [] {
    EventQueue queue;
    Random random(7);
    std::vector<std::uint64_t> order;
    for (int round = 0; round < 50; ++round) {
      for (int i = 0; i < 20; ++i) {
        queue.push(static_cast<VirtualTime>(random.nextBelow(100)), 0,
                   static_cast<std::uint64_t>(round * 100 + i));
      }
      for (int i = 0; i < 10; ++i) order.push_back(queue.pop().a);
    }
    while (!queue.empty()) order.push_back(queue.pop().a);
    return order;
  };
  const auto first = drain();
  EXPECT_EQ(first.size(), 1000u);
  EXPECT_EQ(first, drain());
}

TEST(EventQueue, shouldNeverPopAnEarlierEventAfterALaterOne) {
  EventQueue queue;
  Random random(3);
  for (int i = 0; i < 10000; ++i) queue.push(static_cast<VirtualTime>(random.nextBelow(1000)), 0);
  Event last = queue.pop();
  while (!queue.empty()) {
    const Event e = queue.pop();
    ASSERT_TRUE(e.time > last.time || (e.time == last.time && e.sequence > last.sequence));
    last = e;
  }
}

TEST(VirtualClock, shouldRefuseToGoBack) {
  VirtualClock clock;
  clock.advanceTo(10);
  EXPECT_EQ(clock.now(), 10);
  EXPECT_THROW(clock.advanceTo(9), std::logic_error);
}

}  // namespace
}  // namespace kvlab::sim
