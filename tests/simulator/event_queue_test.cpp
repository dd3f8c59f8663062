#include "simulator/core/event_queue.h"

#include <gtest/gtest.h>

#include <algorithm>
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

// The order a simulation needs: (time, sequence), checked against a sorted reference while
// events are pushed at, after and (rarely) before the earliest one taken.
TEST(EventQueue, shouldMatchASortedReferenceWhilePushingAndPoppingInTurn) {
  EventQueue queue;
  std::vector<Event> reference;  // pending, as pushed
  Random random(11);
  VirtualTime now = 0;
  auto popBoth = [&] {
    auto earliest =
        std::min_element(reference.begin(), reference.end(), [](const Event& x, const Event& y) {
          return x.time != y.time ? x.time < y.time : x.sequence < y.sequence;
        });
    ASSERT_EQ(queue.top().sequence, earliest->sequence);
    const Event e = queue.pop();
    ASSERT_EQ(e.sequence, earliest->sequence);
    ASSERT_EQ(e.time, earliest->time);
    ASSERT_EQ(e.a, earliest->a);
    now = e.time;
    reference.erase(earliest);
  };
  for (int round = 0; round < 3000; ++round) {
    const int pushes = static_cast<int>(random.nextBelow(4));
    for (int i = 0; i < pushes; ++i) {
      VirtualTime time = now;
      const std::uint64_t shape = random.nextBelow(10);
      if (shape < 3) {
        time = now;  // at the current instant
      } else if (shape < 9) {
        time = now + static_cast<VirtualTime>(random.nextBelow(std::uint64_t{1} << (shape * 3)));
      } else if (now > 0) {
        time = now - static_cast<VirtualTime>(random.nextBelow(5));  // before: rebuilds
      }
      const auto a = static_cast<std::uint64_t>(round * 10 + i);
      const std::uint64_t sequence = queue.push(time, 0, a);
      reference.push_back(Event{time, sequence, 0, a, 0});
    }
    const int pops = static_cast<int>(random.nextBelow(4));
    for (int i = 0; i < pops && !reference.empty(); ++i) popBoth();
    ASSERT_EQ(queue.size(), reference.size());
  }
  while (!reference.empty()) popBoth();
  EXPECT_TRUE(queue.empty());
}

TEST(EventQueue, shouldStartAfreshAfterClear) {
  EventQueue queue;
  queue.push(100, 1);
  queue.push(50, 2);
  EXPECT_EQ(queue.top().kind, 2u);
  queue.clear();
  EXPECT_TRUE(queue.empty());
  queue.push(10, 3);
  queue.push(5, 4);
  EXPECT_EQ(queue.pop().kind, 4u);
  EXPECT_EQ(queue.pop().kind, 3u);
}

TEST(VirtualClock, shouldRefuseToGoBack) {
  VirtualClock clock;
  clock.advanceTo(10);
  EXPECT_EQ(clock.now(), 10);
  EXPECT_THROW(clock.advanceTo(9), std::logic_error);
}

}  // namespace
}  // namespace kvlab::sim
