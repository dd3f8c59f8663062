#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "simulator/core/engine.h"
#include "simulator/engines/dynamodb/capacity_owner.h"
#include "simulator/engines/dynamodb/dynamodb_options.h"
#include "simulator/metrics/heavy_hitters.h"
#include "simulator/workload/random.h"

namespace kvlab::sim {

// DynamoDB as a model (docs/simulator.md; rules from ../shared/reference/dynamodb-rules.md):
// every access pattern runs as the planner says (index, operation, units per request by capacity
// owner), on the partitions of the table and its GSIs (CapacityOwner), with the client's retries
// (RetryPolicy) and a service-time model (ServiceTimeModel).
//
// A request picks a partition key value of the pattern's index: key number k of the distinct
// values of that index's partition key for the pattern's entity (model::distinctValues), hashed
// onto the owner's partitions. The other owners a request touches (the table behind a GSI read,
// the GSIs a write updates) get the item's key there: the same number when the key template is
// the same, otherwise the number hashed into that key's distinct values (items fetched after an
// index read, which are many, get a key per request). A request is admitted
// only when every partition and owner it touches has capacity; a GSI's write is applied after a
// propagation delay, but a GSI out of write capacity throttles the base-table write (§3.4).
// Throttled attempts are retried after a back-off and fail after the last attempt. A Query or
// Scan of more than 1 MB is a series of 1 MB calls, one after the other; a Scan's pages walk the
// partitions in order.
class DynamoDbEngine final : public Engine {
 public:
  explicit DynamoDbEngine(DynamoDbOptions options = {});
  ~DynamoDbEngine() override;

  std::string_view name() const override { return "dynamodb"; }
  std::vector<std::string> throttleReasons() const override;
  Status prepare(const EngineInput& input, std::vector<PatternLoad>& loads) override;
  void onRequest(const Request& request, EngineContext& context) override;
  void onEvent(const Event& event, EngineContext& context) override;
  void onSecond(std::int64_t second, EngineContext& context) override;
  void finish(EngineContext& context, RunResult& result) override;

  const DynamoDbOptions& options() const { return options_; }
  // The engine's own memory: the item stores, the partitions' state and the requests in flight.
  std::size_t memoryBytes() const override;

 private:
  // One partition key of one owner: its template, how many values it takes, its hash salt, and
  // its key space in the owner's item store (-1: no entity's items are stored under it).
  struct KeySpace {
    int owner = 0;
    std::string templateText;
    std::int64_t count = 1;
    std::uint64_t salt = 0;
    int storeSpace = -1;
  };
  // What a successful write does to the items it touches.
  enum class ItemChange : std::uint8_t {
    None,
    PutUnique,  // a key that holds one item: added when absent, replaced in place otherwise
    Add,        // a new item in a collection of several
    Remove,     // one item fewer
  };
  // What one request of a pattern does on one owner.
  struct Touch {
    int owner = 0;
    int keySpace = 0;
    double readUnits = 0;
    double writeUnits = 0;
    bool asyncWrite = false;  // a GSI's write: applied after the propagation delay
    bool sameKey = false;     // uses the request's key number as it is
    bool spread = false;      // reads items found elsewhere (fetch-items, related-items): a key
                              // of its own per request, not a function of the request's key
    bool scan = false;        // reads the partitions in turn, one page after another
    double itemBytes = 0;     // of the pattern's entity's item (or GSI entry) here, as stored
  };
  struct Route {
    std::string patternId;
    model::Operation operation = model::Operation::GetItem;
    bool write = false;
    // A Query or Scan that reads more than 1 MB runs as this many calls one after the other
    // (§2.2); each touch's units are per call.
    std::int64_t pages = 1;
    ItemChange itemChange = ItemChange::None;
    double kilobytesPerPage = 0;
    std::vector<Touch> touches;
    Random random{0};
  };
  // A request between its calls. It rides in its call event when it fits (scheduleCall), so that a
  // retry due seconds later touches no state of the engine's; otherwise it waits in a slot.
  struct InFlight {
    std::uint32_t pattern = 0;
    std::int32_t attempts = 0;  // of the current page
    bool throttled = false;
    std::int64_t page = 0;
    std::int64_t key = 0;
    VirtualTime arrival = 0;
  };

  void attempt(InFlight& f, EngineContext& context);
  // Schedules `f`'s next call at `time`: in the event itself, or in a slot when it does not fit.
  void scheduleCall(const InFlight& f, VirtualTime time, EngineContext& context);
  // A request that succeeded or failed is no longer in flight.
  void complete(const InFlight& f) { --inFlightByPattern_[f.pattern]; }
  std::int64_t keyFor(const Touch& touch, const InFlight& request) const;
  // The key space of template `templateText` on `owner`, created with `count` values or widened
  // to them.
  int keySpaceFor(int owner, const std::string& ownerName, const std::string& templateText,
                  std::int64_t count);
  // Generates the dataset: every stored entity's items in the owners that hold them.
  void loadItems(const EngineInput& input, const std::vector<std::string>& ownerNames);
  // Applies a successful write's item change to `owner`'s store; returns whether the items changed
  // (a put that replaced an item in place did not), which the GSIs' entries follow.
  bool applyItemChange(ItemChange change, const Touch& touch, std::int64_t key);
  std::uint64_t hashOf(const Touch& touch, std::int64_t key) const;

  DynamoDbOptions options_;
  const EngineInput* input_ = nullptr;
  // The end of the run's duration. Units served after it, in the drain, load the partitions and
  // show in the heat and the timeline, but are not the run's consumption (units, peaks, hot keys
  // by units, cost): counted against the duration they would exceed what the table can serve in
  // it (a throttled Scan of thousands of pages goes on through the whole drain).
  VirtualTime durationEnd_ = 0;
  std::vector<std::unique_ptr<CapacityOwner>> owners_;
  std::vector<KeySpace> keySpaces_;
  std::vector<Route> routes_;
  std::vector<InFlight> inFlight_;  // the requests that did not fit in their call events
  std::vector<std::uint32_t> freeSlots_;
  std::vector<std::int64_t> inFlightByPattern_;  // arrived, neither succeeded nor failed yet
  std::vector<HeavyHitters> hotByUnits_;         // per owner
  std::vector<HeavyHitters> hotByThrottles_;
  std::int64_t keyRangeThrottles_ = 0;
  std::int64_t pendingIndexWrites_ = 0;
  // Per owner, per entity (the project's order): the bytes of one of its items or entries there
  // (0: not held there), and its distinct partition key values there.
  std::vector<std::vector<double>> entityBytes_;
  std::vector<std::string> notes_;
};

}  // namespace kvlab::sim
