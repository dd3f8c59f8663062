#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "simulator/engines/dynamodb/dynamodb_options.h"
#include "simulator/engines/dynamodb/item_store.h"
#include "simulator/engines/dynamodb/partition_map.h"
#include "simulator/metrics/run_result.h"

namespace kvlab::sim {

// Which limit refused a request.
enum class ThroughputLimit : std::uint8_t {
  None = 0,
  KeyRange,     // the partition's own limit (§4.1): AWS's KeyRangeThroughputExceeded
  Provisioned,  // the table's or GSI's provisioned capacity and its burst bank (§4.3)
  Warm,         // on-demand: above what the table serves at once, max(new-table throughput,
                // twice the previous peak) (§4.5)
};

// One owner of capacity: the base table (with its LSIs) or one GSI, with its partitions and its
// throughput state per second. Requests are admitted while a bucket has capacity left this
// second and may overdraw it by their own size; the overdraft is paid from the next second, as
// DynamoDB does for reads whose size it learns only after reading.
//
// - Partitions (§4.1, §4.2): ceil(max(RCU/3000 + WCU/1000, GB/10)) at the start (on-demand: from
//   the new-table throughput, 12,000 reads + 4,000 writes = 8); each serves 3,000 read and 1,000
//   write units per second, reads and writes apart.
// - Provisioned (§4.2-4.4): the owner's capacity is one bucket per second; unused units go to a
//   burst bank holding at most 300 s of capacity, drawn when a second goes over. With adaptive
//   capacity a partition may use up to the per-partition maximum while the owner stays within its
//   capacity; without it, each partition gets its even share.
// - On-demand (§4.5): the owner serves max(12,000 / 4,000, 2 x the highest second so far) read /
//   write units a second; partitions double when that no longer fits in them.
// - Storage (§4.1, §4.2): the owner's items (ItemStore); a partition that holds more than 10 GB
//   splits in two where each side holds half of its bytes.
// - Auto scaling (provisioned, AutoScalingOptions): each minute's consumption against the
//   capacity moves the capacity toward the target utilization, after a delay.
// - Split for heat (§4.4): a partition whose demand stays above its limit `splitAfterSeconds`
//   seconds in a row splits in two between its two hottest keys, or isolates its hottest key, or
//   halves; a partition of one key cannot split and keeps 3,000 / 1,000.
// Not thread-safe.
class CapacityOwner {
 public:
  struct Config {
    std::string name;              // "table" or a GSI's name
    bool isIndex = false;          // a GSI
    double readCapacityUnits = 0;  // provisioned mode
    double writeCapacityUnits = 0;
    double storedBytes = 0;
  };

  CapacityOwner(Config config, const DynamoDbOptions& options);

  const std::string& name() const { return config_.name; }
  bool isIndex() const { return config_.isIndex; }
  int partitionCount() const { return map_.size(); }
  int partitionOf(std::uint64_t hash) const { return map_.find(hash); }

  // Whether partition `partition` and the owner have read (write) capacity left this second.
  ThroughputLimit checkRead(int partition) const {
    if (map_.at(partition).readLoad >= partitionReadLimit_) return ThroughputLimit::KeyRange;
    if (provisioned_) {
      return readLoad_ >= config_.readCapacityUnits + readBank_ ? ThroughputLimit::Provisioned
                                                                : ThroughputLimit::None;
    }
    return readLoad_ >= readCeiling_ ? ThroughputLimit::Warm : ThroughputLimit::None;
  }
  ThroughputLimit checkWrite(int partition) const {
    if (map_.at(partition).writeLoad >= partitionWriteLimit_) return ThroughputLimit::KeyRange;
    if (provisioned_) {
      return writeLoad_ >= config_.writeCapacityUnits + writeBank_ ? ThroughputLimit::Provisioned
                                                                   : ThroughputLimit::None;
    }
    return writeLoad_ >= writeCeiling_ ? ThroughputLimit::Warm : ThroughputLimit::None;
  }

  // Serves `readUnits` and `writeUnits` for the key hashed `hash` on `partition`. `keyed` is false
  // for a Scan's page, which reads no key in particular (split for heat ignores it). `counted` is
  // false in the drain, after the run's duration: the units load the partition and show in its
  // heat but are not the run's consumption (report()'s units and peaks).
  void consume(int partition, std::uint64_t hash, double readUnits, double writeUnits,
               bool keyed = true, bool counted = true);
  // Records a request refused on `partition` by `limit`. Refused by the partition's own limit, its
  // units count as demand on the partition (what split for heat looks at).
  void refuse(int partition, std::uint64_t hash, double readUnits, double writeUnits,
              ThroughputLimit limit, bool keyed = true);

  // The owner's items. Load them, then call itemsLoaded().
  ItemStore& items() { return items_; }
  const ItemStore& items() const { return items_; }
  // Computes each partition's bytes; splits, as at the table's creation (not counted as splits),
  // any partition that holds more than a partition's storage.
  void itemsLoaded();
  // Adds `items` items of `bytes` each (negative: removes) to the collection of key `key` in
  // item-store space `space`, hashed `hash`. A key outside the store's sample changes nothing.
  // Removing never takes a collection below zero items.
  void changeItems(int space, std::int64_t key, std::uint64_t hash, double items, double bytes);
  // Puts one item of `bytes` at a key that holds at most one item: adds it when the collection is
  // empty, replaces it (same size) otherwise.
  void putUniqueItem(int space, std::int64_t key, std::uint64_t hash, double bytes);
  // Whether one key's items came to exceed a partition's storage (KV Lab cannot split it).
  bool oversizedCollection() const { return oversizedCollection_; }

  // Ends second `second` - 1 and starts `second`: refills buckets, banks burst, tracks the
  // on-demand peak, records heat, splits hot partitions.
  void onSecond(std::int64_t second);

  CapacityOwnerReport report() const;
  void appendHeat(std::vector<PartitionHeat>& heat) const;

 private:
  void splitHot(std::int64_t second);
  void splitFull(std::int64_t second, bool counted);
  // Splits partition `index` at `at` and gives each half its stored bytes.
  void splitPartition(int index, std::uint64_t at, std::int64_t second);
  // Doubles the partitions until `needed` fit (§4.2).
  void growTo(double needed, std::int64_t second);
  void autoScale(std::int64_t second);
  void growOnDemand(std::int64_t second);
  std::optional<std::uint64_t> splitPoint(const Partition& p) const;
  void updateLimits();

  Config config_;
  DynamoDbOptions options_;  // a copy: callers may pass a temporary
  bool provisioned_;
  PartitionMap map_;
  int initialPartitions_;
  double partitionReadLimit_ = 0;
  double partitionWriteLimit_ = 0;

  double readLoad_ = 0;
  double writeLoad_ = 0;
  double readServed_ = 0;  // this second
  double writeServed_ = 0;
  double readBank_ = 0;  // provisioned: burst
  double writeBank_ = 0;
  double readCeiling_ = 0;  // on-demand
  double writeCeiling_ = 0;
  double readPeak_ = 0;  // the highest second so far, drain included (on-demand's ceiling)
  double writePeak_ = 0;

  // The run's consumption: units served within its duration (consume(..., counted)), in all and
  // in the current second, and the highest such second.
  double readUnits_ = 0;
  double writeUnits_ = 0;
  double readCounted_ = 0;  // this second
  double writeCounted_ = 0;
  double readCountedPeak_ = 0;
  double writeCountedPeak_ = 0;
  std::int64_t throttles_ = 0;
  int splits_ = 0;
  int storageSplits_ = 0;
  bool oversizedCollection_ = false;  // one key's items exceed a partition (not split)

  ItemStore items_;

  // Auto scaling: this minute's consumption, the minutes in a row above / below the target, the
  // capacity decided and when it takes effect, the decreases made today, the events, and the
  // capacity-seconds provisioned (for the mean capacity a month is billed at).
  double readMinute_ = 0;
  double writeMinute_ = 0;
  int readHighMinutes_ = 0;
  int readLowMinutes_ = 0;
  int writeHighMinutes_ = 0;
  int writeLowMinutes_ = 0;
  std::optional<std::int64_t> pendingAt_;
  double pendingRead_ = 0;
  double pendingWrite_ = 0;
  double startRead_ = 0;
  double startWrite_ = 0;
  int decreasesToday_ = 0;
  std::int64_t lastDecreaseSecond_ = -1;
  std::vector<ScalingEvent> scalingEvents_;
  double readCapacitySeconds_ = 0;
  double writeCapacitySeconds_ = 0;
  std::int64_t secondsProvisioned_ = 0;
};

}  // namespace kvlab::sim
