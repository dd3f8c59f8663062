#include "simulator/engines/dynamodb/capacity_owner.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace kvlab::sim {
namespace {

int initialPartitionCount(double read, double write, double bytes, const DynamoDbOptions& o) {
  if (o.initialPartitions > 0) return std::min(o.initialPartitions, o.maxPartitionsPerOwner);
  const double byThroughput = read / o.partitionReadUnits + write / o.partitionWriteUnits;
  const double bySize = bytes / o.partitionBytes;
  // Clamped as a double: a count beyond int is possible for absurd sizes, and casting it is not.
  const double needed = std::clamp(std::ceil(std::max(byThroughput, bySize) - 1e-9), 1.0,
                                   static_cast<double>(o.maxPartitionsPerOwner));
  return static_cast<int>(needed);
}

}  // namespace

CapacityOwner::CapacityOwner(Config config, const DynamoDbOptions& options)
    : config_(std::move(config)),
      options_(options),
      provisioned_(options.mode == CapacityMode::Provisioned),
      map_(provisioned_
               ? initialPartitionCount(config_.readCapacityUnits, config_.writeCapacityUnits,
                                       config_.storedBytes, options)
               : initialPartitionCount(options.onDemandInitialReadUnits,
                                       options.onDemandInitialWriteUnits, config_.storedBytes,
                                       options),
           0),
      initialPartitions_(map_.size()),
      startRead_(config_.readCapacityUnits),
      startWrite_(config_.writeCapacityUnits) {
  if (provisioned_) {
    if (options_.burst) {
      readBank_ = options_.initialBurstSeconds * config_.readCapacityUnits;
      writeBank_ = options_.initialBurstSeconds * config_.writeCapacityUnits;
    }
  } else {
    readCeiling_ = options_.onDemandInitialReadUnits;
    writeCeiling_ = options_.onDemandInitialWriteUnits;
  }
  updateLimits();
}

void CapacityOwner::updateLimits() {
  partitionReadLimit_ = options_.partitionReadUnits;
  partitionWriteLimit_ = options_.partitionWriteUnits;
  if (provisioned_ && !options_.adaptiveCapacity) {
    const double n = static_cast<double>(map_.size());
    partitionReadLimit_ = std::min(partitionReadLimit_, config_.readCapacityUnits / n);
    partitionWriteLimit_ = std::min(partitionWriteLimit_, config_.writeCapacityUnits / n);
  }
}

void CapacityOwner::itemsLoaded() {
  for (const ItemStore::Collection& c : items_.collections()) {
    if (c.bytes > 0) map_.at(map_.find(c.hash)).storedBytes += c.bytes;
  }
  splitFull(0, false);
  initialPartitions_ = map_.size();
}

void CapacityOwner::changeItems(int space, std::int64_t key, std::uint64_t hash, double items,
                                double bytes) {
  ItemStore::Collection* c = items_.find(space, key);
  if (c == nullptr) return;
  const auto stride = static_cast<double>(items_.strideOf(space));
  double count = items * stride;
  if (c->items + count < 0) count = -c->items;  // nothing left to remove
  const double delta = count * bytes;
  items_.change(*c, count, delta);
  map_.at(map_.find(hash)).storedBytes += delta;
}

void CapacityOwner::putUniqueItem(int space, std::int64_t key, std::uint64_t hash, double bytes) {
  ItemStore::Collection* c = items_.find(space, key);
  if (c == nullptr || c->items > 0) return;  // outside the sample, or replaced in place
  changeItems(space, key, hash, 1, bytes);
}

void CapacityOwner::consume(int partition, std::uint64_t hash, double readUnits, double writeUnits,
                            bool keyed, bool counted) {
  Partition& p = map_.at(partition);
  p.readLoad += readUnits;
  p.writeLoad += writeUnits;
  p.readServed += readUnits;
  p.writeServed += writeUnits;
  p.readDemand += readUnits;
  p.writeDemand += writeUnits;
  if (keyed) {
    p.noteKey(hash,
              readUnits / options_.partitionReadUnits + writeUnits / options_.partitionWriteUnits);
  }
  readLoad_ += readUnits;
  writeLoad_ += writeUnits;
  readServed_ += readUnits;
  writeServed_ += writeUnits;
  readMinute_ += readUnits;
  writeMinute_ += writeUnits;
  if (counted) {
    readCounted_ += readUnits;
    writeCounted_ += writeUnits;
    readUnits_ += readUnits;
    writeUnits_ += writeUnits;
  }
}

void CapacityOwner::refuse(int partition, std::uint64_t hash, double readUnits, double writeUnits,
                           ThroughputLimit limit, bool keyed) {
  Partition& p = map_.at(partition);
  if (limit == ThroughputLimit::KeyRange) {
    p.readDemand += readUnits;
    p.writeDemand += writeUnits;
    if (keyed) {
      p.noteKey(hash, readUnits / options_.partitionReadUnits +
                          writeUnits / options_.partitionWriteUnits);
    }
  }
  ++p.throttles;
  ++throttles_;
}

void CapacityOwner::onSecond(std::int64_t second) {
  const bool splitting = options_.adaptiveCapacity && options_.splitForHeat;
  for (int i = 0; i < map_.size(); ++i) {
    Partition& p = map_.at(i);
    p.readHeat.push_back(p.readServed);
    p.writeHeat.push_back(p.writeServed);
    const bool hot = p.readDemand > partitionReadLimit_ || p.writeDemand > partitionWriteLimit_;
    if (hot) {
      ++p.hotSeconds;
    } else {
      p.hotSeconds = 0;
      p.forgetKeys();
    }
    p.readLoad = std::max(0.0, p.readLoad - partitionReadLimit_);
    p.writeLoad = std::max(0.0, p.writeLoad - partitionWriteLimit_);
    p.readServed = p.writeServed = p.readDemand = p.writeDemand = 0;
  }

  if (provisioned_) {
    auto roll = [&](double& load, double& bank, double capacity) {
      if (!options_.burst) {
        load = std::max(0.0, load - capacity);
        return;
      }
      bank = std::min(options_.burstSeconds * capacity, bank + capacity - load);
      load = bank < 0 ? -bank : 0.0;
      bank = std::max(0.0, bank);
    };
    roll(readLoad_, readBank_, config_.readCapacityUnits);
    roll(writeLoad_, writeBank_, config_.writeCapacityUnits);
  } else {
    readLoad_ = std::max(0.0, readLoad_ - readCeiling_);
    writeLoad_ = std::max(0.0, writeLoad_ - writeCeiling_);
  }
  readPeak_ = std::max(readPeak_, readServed_);
  writePeak_ = std::max(writePeak_, writeServed_);
  if (!provisioned_) {
    readCeiling_ =
        std::max(options_.onDemandInitialReadUnits, options_.onDemandPeakFactor * readPeak_);
    writeCeiling_ =
        std::max(options_.onDemandInitialWriteUnits, options_.onDemandPeakFactor * writePeak_);
  }
  readServed_ = writeServed_ = 0;
  readCountedPeak_ = std::max(readCountedPeak_, readCounted_);
  writeCountedPeak_ = std::max(writeCountedPeak_, writeCounted_);
  readCounted_ = writeCounted_ = 0;

  if (splitting) splitHot(second);
  if (!provisioned_) growOnDemand(second);
  splitFull(second, true);
  if (provisioned_) autoScale(second);
  updateLimits();
}

void CapacityOwner::splitPartition(int index, std::uint64_t at, std::int64_t second) {
  map_.split(index, at, second);
  for (int i = index; i <= index + 1; ++i) {
    Partition& p = map_.at(i);
    p.storedBytes = items_.bytesIn(p.low, p.high);
  }
}

void CapacityOwner::splitFull(std::int64_t second, bool counted) {
  // A partition over its storage splits where half its bytes lie on each side (§4.2); the
  // halves may still be over and split again.
  for (int i = 0; i < map_.size();) {
    const Partition& p = map_.at(i);
    if (p.storedBytes <= options_.partitionBytes || map_.size() >= options_.maxPartitionsPerOwner) {
      ++i;
      continue;
    }
    const std::optional<std::uint64_t> at = items_.splitPointBySize(p.low, p.high);
    if (!at || *at <= p.low || *at > p.high) {
      oversizedCollection_ = true;  // one collection: DynamoDB splits it by sort key, KV Lab not
      ++i;
      continue;
    }
    splitPartition(i, *at, second);
    if (counted) {
      ++splits_;
      ++storageSplits_;
    }
  }
}

void CapacityOwner::autoScale(std::int64_t second) {
  const AutoScalingOptions& a = options_.autoScaling;
  // The second that just ended.
  readCapacitySeconds_ += config_.readCapacityUnits;
  writeCapacitySeconds_ += config_.writeCapacityUnits;
  ++secondsProvisioned_;
  if (!a.enabled) return;
  if (second / 86400 != (second - 1) / 86400) decreasesToday_ = 0;
  if (pendingAt_ && second >= *pendingAt_) {
    const bool decrease =
        pendingRead_ < config_.readCapacityUnits || pendingWrite_ < config_.writeCapacityUnits;
    config_.readCapacityUnits = pendingRead_;
    config_.writeCapacityUnits = pendingWrite_;
    scalingEvents_.push_back({second, pendingRead_, pendingWrite_});
    pendingAt_.reset();
    if (decrease) {
      ++decreasesToday_;
      lastDecreaseSecond_ = second;
    }
    // Raised throughput that no longer fits doubles the partitions (§4.2).
    growTo(config_.readCapacityUnits / options_.partitionReadUnits +
               config_.writeCapacityUnits / options_.partitionWriteUnits,
           second);
    if (options_.burst) {
      readBank_ = std::min(readBank_, options_.burstSeconds * config_.readCapacityUnits);
      writeBank_ = std::min(writeBank_, options_.burstSeconds * config_.writeCapacityUnits);
    }
  }
  if (second % 60 != 0) return;

  // A minute has ended: the alarms compare its consumption with the capacity.
  const double readRate = readMinute_ / 60.0;
  const double writeRate = writeMinute_ / 60.0;
  readMinute_ = writeMinute_ = 0;
  auto track = [&](double rate, double capacity, int& high, int& low) {
    const double utilization = rate / std::max(capacity, 1e-9);
    high = utilization > a.targetUtilization ? high + 1 : 0;
    low = utilization <= a.targetUtilization - a.scaleInMargin ? low + 1 : 0;
  };
  track(readRate, config_.readCapacityUnits, readHighMinutes_, readLowMinutes_);
  track(writeRate, config_.writeCapacityUnits, writeHighMinutes_, writeLowMinutes_);
  if (pendingAt_) return;  // a change is on its way

  auto wanted = [&](double rate) {
    return std::clamp(std::ceil(rate / a.targetUtilization), a.minCapacity, a.maxCapacity);
  };
  double read = config_.readCapacityUnits;
  double write = config_.writeCapacityUnits;
  if (readHighMinutes_ >= a.scaleOutMinutes) read = std::max(read, wanted(readRate));
  if (writeHighMinutes_ >= a.scaleOutMinutes) write = std::max(write, wanted(writeRate));
  const bool mayDecrease = decreasesToday_ < a.decreasesAnyTimePerDay ||
                           (lastDecreaseSecond_ >= 0 && second - lastDecreaseSecond_ >= 3600);
  if (mayDecrease && readLowMinutes_ >= a.scaleInMinutes) read = std::min(read, wanted(readRate));
  if (mayDecrease && writeLowMinutes_ >= a.scaleInMinutes) {
    write = std::min(write, wanted(writeRate));
  }
  if (read == config_.readCapacityUnits && write == config_.writeCapacityUnits) return;
  if (read != config_.readCapacityUnits) readHighMinutes_ = readLowMinutes_ = 0;
  if (write != config_.writeCapacityUnits) writeHighMinutes_ = writeLowMinutes_ = 0;
  pendingRead_ = read;
  pendingWrite_ = write;
  pendingAt_ = second + static_cast<std::int64_t>(std::llround(a.delaySeconds));
}

std::optional<std::uint64_t> CapacityOwner::splitPoint(const Partition& p) const {
  if (p.holdsOneKey()) return std::nullopt;
  // The two heaviest keys of the window (ties to the lower hash, so the choice is deterministic).
  auto heavier = [](const Partition::KeyWeight& x, const Partition::KeyWeight& y) {
    return x.weight != y.weight ? x.weight > y.weight : x.hash < y.hash;
  };
  std::array<Partition::KeyWeight, 2> keys{};
  for (int i = 0; i < p.heavyUsed; ++i) {
    const Partition::KeyWeight& k = p.heavy[i];
    if (i == 0 || heavier(k, keys[0])) {
      keys[1] = keys[0];
      keys[0] = k;
    } else if (i == 1 || heavier(k, keys[1])) {
      keys[1] = k;
    }
  }
  const double total = p.windowWeight;
  if (p.heavyUsed >= 2 && keys[1].weight >= 0.25 * total) {
    // Two hot keys: split between them so that each gets a partition.
    const std::uint64_t a = std::min(keys[0].hash, keys[1].hash);
    const std::uint64_t b = std::max(keys[0].hash, keys[1].hash);
    return a + (b - a) / 2 + 1;
  }
  if (p.heavyUsed >= 1 && keys[0].weight >= 0.5 * total) {
    // One hot key: cut it away from its neighbours, one side at a time.
    const std::uint64_t h = keys[0].hash;
    if (h > p.low) return h;
    return h + 1;  // h == low < high
  }
  return p.low + (p.high - p.low) / 2 + 1;
}

void CapacityOwner::splitHot(std::int64_t second) {
  std::vector<int> hotIds;
  for (int i = 0; i < map_.size(); ++i) {
    if (map_.at(i).hotSeconds >= options_.splitAfterSeconds) hotIds.push_back(map_.at(i).id);
  }
  for (int id : hotIds) {
    if (map_.size() >= options_.maxPartitionsPerOwner) return;
    for (int i = 0; i < map_.size(); ++i) {
      if (map_.at(i).id != id) continue;
      if (std::optional<std::uint64_t> at = splitPoint(map_.at(i))) {
        splitPartition(i, *at, second);
        ++splits_;
      } else {
        map_.at(i).hotSeconds = 0;  // one key: nothing left to split
      }
      break;
    }
  }
}

void CapacityOwner::growOnDemand(std::int64_t second) {
  growTo(readCeiling_ / options_.partitionReadUnits + writeCeiling_ / options_.partitionWriteUnits,
         second);
}

void CapacityOwner::growTo(double throughputPartitions, std::int64_t second) {
  const double needed = std::ceil(throughputPartitions - 1e-9);
  while (map_.size() < needed && map_.size() * 2 <= options_.maxPartitionsPerOwner) {
    // The partition count doubles (§4.2): every partition that can splits at its middle.
    const int count = map_.size();
    bool any = false;
    for (int i = count - 1; i >= 0; --i) {
      const Partition& p = map_.at(i);
      if (p.holdsOneKey()) continue;
      splitPartition(i, p.low + (p.high - p.low) / 2 + 1, second);
      ++splits_;
      any = true;
    }
    if (!any) break;
  }
}

CapacityOwnerReport CapacityOwner::report() const {
  CapacityOwnerReport r;
  r.name = config_.name;
  r.mode = provisioned_ ? "provisioned" : "on-demand";
  if (provisioned_) {
    r.provisionedRead = startRead_;
    r.provisionedWrite = startWrite_;
    const double seconds = static_cast<double>(std::max<std::int64_t>(1, secondsProvisioned_));
    r.meanProvisionedRead = secondsProvisioned_ > 0 ? readCapacitySeconds_ / seconds : startRead_;
    r.meanProvisionedWrite =
        secondsProvisioned_ > 0 ? writeCapacitySeconds_ / seconds : startWrite_;
    r.scaling = scalingEvents_;
  }
  r.storageSplits = storageSplits_;
  r.storedBytes = items_.totalBytes();
  r.initialPartitions = initialPartitions_;
  r.partitions = map_.size();
  r.splits = splits_;
  r.throttles = throttles_;
  r.readUnits = readUnits_;
  r.writeUnits = writeUnits_;
  // The current second too, when the run stopped before closing it (cancelled).
  r.peakReadUnitsPerSecond = std::max(readCountedPeak_, readCounted_);
  r.peakWriteUnitsPerSecond = std::max(writeCountedPeak_, writeCounted_);
  return r;
}

void CapacityOwner::appendHeat(std::vector<PartitionHeat>& heat) const {
  for (const Partition* p : map_.history()) {
    PartitionHeat h;
    h.owner = config_.name;
    h.id = p->id;
    h.parent = p->parent;
    h.hashLow = p->low;
    h.hashHigh = p->high;
    h.fromSecond = p->fromSecond;
    h.untilSecond = p->untilSecond;
    h.readUnits = p->readHeat;
    h.writeUnits = p->writeHeat;
    h.throttles = p->throttles;
    heat.push_back(std::move(h));
  }
}

}  // namespace kvlab::sim
