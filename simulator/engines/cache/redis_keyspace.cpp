#include "simulator/engines/cache/redis_keyspace.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace kvlab::sim {
namespace {

constexpr std::size_t kInitialSlots = 1024;
constexpr std::uint64_t kInternedBit = std::uint64_t{1} << 63;
constexpr int kLfuMax = 255;
constexpr VirtualTime kMicrosPerMinute = 60 * kMicrosPerSecond;

// SplitMix64's finalizer: spreads packed keys over the table.
std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::int64_t bytes(double value) { return static_cast<std::int64_t>(std::llround(value)); }

}  // namespace

std::string_view evictionPolicyName(EvictionPolicy policy) {
  switch (policy) {
    case EvictionPolicy::AllKeysLru:
      return "allkeys-lru";
    case EvictionPolicy::AllKeysLfu:
      return "allkeys-lfu";
    case EvictionPolicy::VolatileTtl:
      return "volatile-ttl";
    case EvictionPolicy::NoEviction:
      return "noeviction";
  }
  return "allkeys-lru";
}

std::optional<EvictionPolicy> parseEvictionPolicy(std::string_view name) {
  for (EvictionPolicy p : {EvictionPolicy::AllKeysLru, EvictionPolicy::AllKeysLfu,
                           EvictionPolicy::VolatileTtl, EvictionPolicy::NoEviction}) {
    if (evictionPolicyName(p) == name) return p;
  }
  return std::nullopt;
}

RedisKeyspaceConfig redisKeyspaceConfig(const RedisParameters& p, double maxMemoryBytes,
                                        EvictionPolicy policy) {
  RedisKeyspaceConfig c;
  c.maxMemoryBytes = maxMemoryBytes;
  c.policy = policy;
  c.samples = p.maxmemorySamples;
  c.poolSize = p.evictionPoolSize;
  c.lfuLogFactor = p.lfuLogFactor;
  c.lfuDecayTimeMinutes = p.lfuDecayTimeMinutes;
  c.lfuInitValue = p.lfuInitValue;
  c.lruClockResolutionMicros = p.lruClockResolutionMillis * 1000.0;
  c.stringOverheadBytes = p.stringOverheadBytes;
  c.integerOverheadBytes = p.integerOverheadBytes;
  c.hashOverheadBytes = p.hashOverheadBytes;
  c.hashFieldOverheadBytes = p.hashFieldOverheadBytes;
  c.sortedSetOverheadBytes = p.sortedSetOverheadBytes;
  c.sortedSetMemberOverheadBytes = p.sortedSetMemberOverheadBytes;
  c.expireOverheadBytes = p.expireOverheadBytes;
  c.hz = p.hz;
  c.keysPerLoop = p.keysPerLoop;
  c.acceptableStalePercent = p.acceptableStalePercent;
  c.cycleTimePercent = p.cycleTimePercent;
  c.keyMicros = p.keyMicros;
  return c;
}

struct RedisKeyspace::Entry {
  Key key = 0;
  std::int64_t memory = 0;
  std::int64_t valueBytes = 0;
  std::int64_t integer = 0;  // a counter's value; a token bucket's last refill time
  double real = 0;           // a token bucket's tokens
  VirtualTime expireAt = kNever;
  std::int64_t lruTick = 0;
  std::int32_t elements = 0;
  std::int32_t volatilePos = -1;
  std::uint32_t sortedSet = 0;  // index + 1 into sortedSets_
  std::uint16_t lfuMinutes = 0;
  std::uint8_t lfuCounter = 0;
  Type type = Type::String;
};

struct RedisKeyspace::SortedSet {
  std::set<std::pair<double, Member>> byScore;
  std::unordered_map<Member, double> scores;  // looked up only, never iterated
  std::int64_t anonymous = 0;                 // preloaded members without identity
  std::int64_t memberBytes = 0;

  std::int64_t size() const { return static_cast<std::int64_t>(scores.size()) + anonymous; }
};

RedisKeyspace::RedisKeyspace(RedisKeyspaceConfig config, std::uint64_t seed)
    : config_(config),
      maxMemory_(bytes(std::max(0.0, config.maxMemoryBytes))),
      random_(seed),
      slots_(kInitialSlots),
      pool_(static_cast<std::size_t>(std::max(1, config.poolSize))) {
  config_.samples = std::max(1, config_.samples);
  config_.hz = std::max(1, config_.hz);
  config_.keysPerLoop = std::max(1, config_.keysPerLoop);
  config_.lruClockResolutionMicros = std::max(1.0, config_.lruClockResolutionMicros);
  cyclePeriod_ = std::max<VirtualTime>(1, kMicrosPerSecond / config_.hz);
  nextCycle_ = cyclePeriod_;
}

RedisKeyspace::~RedisKeyspace() = default;

std::int64_t RedisKeyspace::keyCount() const { return static_cast<std::int64_t>(entries_.size()); }

std::size_t RedisKeyspace::footprintBytes() const {
  // A member costs a node of the score-ordered set (three pointers, a colour, the pair) and one
  // of the hash map (a next pointer, the pair, the cached hash) with its bucket pointer.
  constexpr std::size_t kSetNodeBytes = 32 + sizeof(std::pair<double, Member>);
  constexpr std::size_t kMapNodeBytes = 16 + sizeof(std::pair<const Member, double>) + 8;
  std::size_t bytes = entries_.capacity() * sizeof(Entry) + slots_.capacity() * sizeof(Slot) +
                      volatile_.capacity() * sizeof(std::uint32_t) +
                      sortedSets_.capacity() * sizeof(std::unique_ptr<SortedSet>) +
                      pool_.capacity() * sizeof(PoolEntry) +
                      sampled_.capacity() * sizeof(std::int64_t);
  for (const std::unique_ptr<SortedSet>& set : sortedSets_) {
    if (!set) continue;
    bytes += sizeof(SortedSet) + set->scores.size() * (kSetNodeBytes + kMapNodeBytes);
  }
  for (const auto& [name, key] : interned_) bytes += 48 + name.capacity() + sizeof(key);
  return bytes;
}

// --- the table ---

std::size_t RedisKeyspace::slotOf(Key key) const {
  const std::size_t mask = slots_.size() - 1;
  const auto hash = static_cast<std::uint32_t>(mix64(key));
  std::size_t i = hash & mask;
  while (slots_[i].entry != 0 &&
         (slots_[i].hash != hash || entries_[slots_[i].entry - 1].key != key)) {
    i = (i + 1) & mask;
  }
  return i;
}

std::int64_t RedisKeyspace::find(Key key) const {
  const std::size_t slot = slotOf(key);
  return slots_[slot].entry == 0 ? -1 : static_cast<std::int64_t>(slots_[slot].entry) - 1;
}

void RedisKeyspace::reserve(std::int64_t keys) {
  if (keys <= 0) return;
  entries_.reserve(static_cast<std::size_t>(keys));
  while (slots_.size() < 2 * static_cast<std::size_t>(keys)) growTable();
}

void RedisKeyspace::prefetch(Key key) const {
  __builtin_prefetch(&slots_[mix64(key) & (slots_.size() - 1)]);
}

void RedisKeyspace::growTable() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.entry == 0) continue;
    std::size_t i = slot.hash & mask;
    while (slots_[i].entry != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

std::int64_t RedisKeyspace::insert(Key key, Type type, VirtualTime now) {
  if ((entries_.size() + 1) * 2 > slots_.size()) growTable();
  const std::size_t slot = slotOf(key);
  Entry e;
  e.key = key;
  e.type = type;
  e.lruTick =
      static_cast<std::int64_t>(static_cast<double>(now) / config_.lruClockResolutionMicros);
  e.lfuMinutes = static_cast<std::uint16_t>((now / kMicrosPerMinute) & 0xffff);
  e.lfuCounter = static_cast<std::uint8_t>(std::clamp(config_.lfuInitValue, 0, kLfuMax));
  entries_.push_back(e);
  slots_[slot] = {static_cast<std::uint32_t>(entries_.size()),
                  static_cast<std::uint32_t>(mix64(key))};
  return static_cast<std::int64_t>(entries_.size()) - 1;
}

void RedisKeyspace::erase(std::int64_t index) {
  Entry& e = entries_[index];
  usedMemory_ -= e.memory;
  if (e.volatilePos >= 0) {
    const std::uint32_t last = volatile_.back();
    volatile_[e.volatilePos] = last;
    entries_[last].volatilePos = e.volatilePos;
    volatile_.pop_back();
  }
  if (e.sortedSet != 0) {
    sortedSets_[e.sortedSet - 1].reset();
    freeSortedSets_.push_back(e.sortedSet - 1);
  }
  // Remove the key from the table, shifting back the entries its slot displaced.
  const std::size_t mask = slots_.size() - 1;
  std::size_t hole = slotOf(e.key);
  std::size_t j = hole;
  for (;;) {
    j = (j + 1) & mask;
    if (slots_[j].entry == 0) break;
    const std::size_t home = slots_[j].hash & mask;
    const bool between = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
    if (!between) {
      slots_[hole] = slots_[j];
      hole = j;
    }
  }
  slots_[hole] = Slot{};
  // Keep the array dense: the last entry moves into the gap.
  const auto lastIndex = static_cast<std::int64_t>(entries_.size()) - 1;
  if (index != lastIndex) {
    entries_[index] = entries_[lastIndex];
    Entry& moved = entries_[index];
    slots_[slotOf(moved.key)].entry = static_cast<std::uint32_t>(index + 1);
    if (moved.volatilePos >= 0) volatile_[moved.volatilePos] = static_cast<std::uint32_t>(index);
  }
  entries_.pop_back();
}

// --- time, expiry, access ---

void RedisKeyspace::advance(VirtualTime now) {
  if (!config_.activeExpiry) return;
  while (nextCycle_ <= now) {
    if (volatile_.empty()) {
      // Nothing can expire: skip to the first cycle after now.
      nextCycle_ += ((now - nextCycle_) / cyclePeriod_ + 1) * cyclePeriod_;
      return;
    }
    runExpiryCycle(nextCycle_);
    nextCycle_ += cyclePeriod_;
  }
}

void RedisKeyspace::runExpiryCycle(VirtualTime at) {
  double budget = static_cast<double>(cyclePeriod_) * config_.cycleTimePercent / 100.0;
  while (!volatile_.empty() && budget > 0) {
    const std::size_t n = std::min<std::size_t>(config_.keysPerLoop, volatile_.size());
    std::int64_t expired = 0;
    for (std::size_t i = 0; i < n && !volatile_.empty(); ++i) {
      const std::uint32_t index = volatile_[random_.nextBelow(volatile_.size())];
      if (entries_[index].expireAt <= at) {
        erase(index);
        ++stats_.expirations;
        ++expired;
      }
    }
    budget -= static_cast<double>(n) * config_.keyMicros;
    if (expired * 100 <= static_cast<std::int64_t>(n) * config_.acceptableStalePercent) break;
  }
}

std::int64_t RedisKeyspace::findLive(Key key, VirtualTime now) {
  advance(now);
  const std::int64_t index = find(key);
  if (index < 0) return -1;
  if (entries_[index].expireAt <= now) {
    erase(index);
    ++stats_.expirations;
    return -1;
  }
  return index;
}

std::uint8_t RedisKeyspace::lfuDecayed(const Entry& e, VirtualTime now) const {
  const auto minutes = static_cast<std::uint16_t>((now / kMicrosPerMinute) & 0xffff);
  const int elapsed =
      minutes >= e.lfuMinutes ? minutes - e.lfuMinutes : 65535 - e.lfuMinutes + minutes;
  const int periods = config_.lfuDecayTimeMinutes > 0 ? elapsed / config_.lfuDecayTimeMinutes : 0;
  return static_cast<std::uint8_t>(periods > e.lfuCounter ? 0 : e.lfuCounter - periods);
}

void RedisKeyspace::touch(Entry& e, VirtualTime now) {
  if (config_.policy == EvictionPolicy::AllKeysLfu) {
    int counter = lfuDecayed(e, now);
    // LFULogIncr: the more often a key was seen, the less likely one more access counts.
    if (counter < kLfuMax) {
      const double base = std::max(0, counter - config_.lfuInitValue);
      const double p = 1.0 / (base * config_.lfuLogFactor + 1.0);
      if (random_.nextDouble() < p) ++counter;
    }
    e.lfuCounter = static_cast<std::uint8_t>(counter);
    e.lfuMinutes = static_cast<std::uint16_t>((now / kMicrosPerMinute) & 0xffff);
  } else {
    e.lruTick =
        static_cast<std::int64_t>(static_cast<double>(now) / config_.lruClockResolutionMicros);
  }
}

std::int64_t RedisKeyspace::entryMemory(const Entry& e) const {
  std::int64_t elements = e.elements;
  std::int64_t valueBytes = e.valueBytes;
  if (e.type == Type::SortedSet) {
    const SortedSet& s = *sortedSets_[e.sortedSet - 1];
    elements = s.size();
    valueBytes = elements * s.memberBytes;
  }
  return memoryOf(e.type, valueBytes, elements, e.expireAt != kNever);
}

std::int64_t RedisKeyspace::memoryOf(Type type, std::int64_t valueBytes, std::int64_t elements,
                                     bool withTtl) const {
  double total = config_.keyBytes + (withTtl ? config_.expireOverheadBytes : 0);
  switch (type) {
    case Type::String:
      total += config_.stringOverheadBytes + static_cast<double>(valueBytes);
      break;
    case Type::Counter:
      total += config_.integerOverheadBytes;
      break;
    case Type::Hash:
      total += config_.hashOverheadBytes + static_cast<double>(valueBytes) +
               static_cast<double>(elements) * config_.hashFieldOverheadBytes;
      break;
    case Type::SortedSet:
      total += config_.sortedSetOverheadBytes + static_cast<double>(valueBytes) +
               static_cast<double>(elements) * config_.sortedSetMemberOverheadBytes;
      break;
  }
  return bytes(total);
}

void RedisKeyspace::recharge(std::int64_t index) {
  Entry& e = entries_[index];
  const std::int64_t memory = entryMemory(e);
  usedMemory_ += memory - e.memory;
  e.memory = memory;
}

void RedisKeyspace::setExpire(std::int64_t index, VirtualTime at) {
  Entry& e = entries_[index];
  if (at != kNever && e.volatilePos < 0) {
    e.volatilePos = static_cast<std::int32_t>(volatile_.size());
    volatile_.push_back(static_cast<std::uint32_t>(index));
  } else if (at == kNever && e.volatilePos >= 0) {
    const std::uint32_t last = volatile_.back();
    volatile_[e.volatilePos] = last;
    entries_[last].volatilePos = e.volatilePos;
    volatile_.pop_back();
    e.volatilePos = -1;
  }
  e.expireAt = at;
}

// --- eviction ---

std::uint64_t RedisKeyspace::idleOf(const Entry& e, VirtualTime now) const {
  switch (config_.policy) {
    case EvictionPolicy::AllKeysLfu:
      return static_cast<std::uint64_t>(kLfuMax - lfuDecayed(e, now));
    case EvictionPolicy::VolatileTtl:
      return std::numeric_limits<std::uint64_t>::max() - static_cast<std::uint64_t>(e.expireAt);
    default: {
      const auto tick =
          static_cast<std::int64_t>(static_cast<double>(now) / config_.lruClockResolutionMicros);
      return static_cast<std::uint64_t>(std::max<std::int64_t>(0, tick - e.lruTick));
    }
  }
}

bool RedisKeyspace::evictOne(VirtualTime now) {
  const bool volatileOnly = config_.policy == EvictionPolicy::VolatileTtl;
  const std::size_t size = volatileOnly ? volatile_.size() : entries_.size();
  if (config_.policy == EvictionPolicy::NoEviction || size == 0) return false;
  const std::size_t poolSize = pool_.size();
  for (;;) {
    // evictionPoolPopulate: sample distinct keys and insert each by idle time, ascending.
    const std::size_t want = std::min<std::size_t>(config_.samples, size);
    sampled_.clear();
    while (sampled_.size() < want) {
      const std::size_t pick = random_.nextBelow(size);
      const std::int64_t index = volatileOnly ? static_cast<std::int64_t>(volatile_[pick])
                                              : static_cast<std::int64_t>(pick);
      if (std::find(sampled_.begin(), sampled_.end(), index) == sampled_.end()) {
        sampled_.push_back(index);
      }
    }
    for (std::int64_t index : sampled_) {
      const Entry& e = entries_[index];
      const std::uint64_t idle = idleOf(e, now);
      std::size_t k = 0;
      while (k < poolSize && pool_[k].filled && pool_[k].idle < idle) ++k;
      if (k == 0 && pool_[poolSize - 1].filled) continue;  // worse than all, pool full
      if (k < poolSize && !pool_[k].filled) {
        // an empty slot: take it
      } else if (!pool_[poolSize - 1].filled) {
        std::move_backward(pool_.begin() + static_cast<std::ptrdiff_t>(k), pool_.end() - 1,
                           pool_.end());
      } else {
        --k;
        std::move(pool_.begin() + 1, pool_.begin() + static_cast<std::ptrdiff_t>(k) + 1,
                  pool_.begin());
      }
      pool_[k] = PoolEntry{e.key, idle, true};
    }
    // Evict the best candidate that still exists (and, for volatile-ttl, still has a TTL).
    for (std::size_t k = poolSize; k-- > 0;) {
      if (!pool_[k].filled) continue;
      const Key key = pool_[k].key;
      pool_[k].filled = false;
      const std::int64_t index = find(key);
      if (index < 0 || (volatileOnly && entries_[index].volatilePos < 0)) continue;
      erase(index);
      ++stats_.evictions;
      return true;
    }
  }
}

bool RedisKeyspace::makeRoom(Key key, std::int64_t newMemory, VirtualTime now) {
  if (maxMemory_ <= 0) return true;
  for (;;) {
    const std::int64_t index = find(key);
    const std::int64_t current = index < 0 ? 0 : entries_[index].memory;
    if (newMemory <= current || usedMemory_ - current + newMemory <= maxMemory_) return true;
    if (!evictOne(now)) {
      ++stats_.rejectedWrites;
      return false;
    }
  }
}

// --- commands ---

RedisKeyspace::Lookup RedisKeyspace::lookup(Key key, VirtualTime now) {
  const std::int64_t index = findLive(key, now);
  Lookup out;
  if (index < 0) {
    ++stats_.misses;
    return out;
  }
  ++stats_.hits;
  Entry& e = entries_[index];
  touch(e, now);
  out.hit = true;
  if (e.type == Type::SortedSet) {
    const SortedSet& s = *sortedSets_[e.sortedSet - 1];
    out.elements = s.size();
    out.bytes = out.elements * s.memberBytes;
  } else {
    out.elements = e.elements;
    out.bytes = e.valueBytes;
  }
  return out;
}

bool RedisKeyspace::exists(Key key, VirtualTime now) { return findLive(key, now) >= 0; }

RedisKeyspace::WriteStatus RedisKeyspace::set(Key key, std::int64_t valueBytes, double ttlSeconds,
                                              VirtualTime now) {
  std::int64_t index = findLive(key, now);
  const bool withTtl = ttlSeconds > 0;
  if (!makeRoom(key, memoryOf(Type::String, valueBytes, 0, withTtl), now)) {
    return WriteStatus::OutOfMemory;
  }
  index = find(key);
  if (index >= 0 && entries_[index].type != Type::String) {
    erase(index);  // SET replaces a key of any type
    index = -1;
  }
  if (index < 0) {
    index = insert(key, Type::String, now);
  } else {
    touch(entries_[index], now);
  }
  entries_[index].valueBytes = valueBytes;
  setExpire(index, withTtl ? now + fromSeconds(ttlSeconds) : kNever);
  recharge(index);
  return WriteStatus::Ok;
}

RedisKeyspace::WriteStatus RedisKeyspace::hset(Key key, std::int64_t fields,
                                               std::int64_t valueBytes, double ttlSeconds,
                                               VirtualTime now) {
  std::int64_t index = findLive(key, now);
  if (index >= 0 && entries_[index].type != Type::Hash) return WriteStatus::WrongType;
  const bool withTtl = ttlSeconds > 0 || (index >= 0 && entries_[index].expireAt != kNever);
  if (!makeRoom(key, memoryOf(Type::Hash, valueBytes, fields, withTtl), now)) {
    return WriteStatus::OutOfMemory;
  }
  index = find(key);
  if (index < 0) {
    index = insert(key, Type::Hash, now);
  } else {
    touch(entries_[index], now);
  }
  entries_[index].valueBytes = valueBytes;
  entries_[index].elements = static_cast<std::int32_t>(std::min<std::int64_t>(fields, INT32_MAX));
  if (ttlSeconds > 0) setExpire(index, now + fromSeconds(ttlSeconds));
  recharge(index);
  return WriteStatus::Ok;
}

RedisKeyspace::IncrResult RedisKeyspace::incrBy(Key key, std::int64_t delta, VirtualTime now) {
  std::int64_t index = findLive(key, now);
  if (index >= 0 && entries_[index].type != Type::Counter) return {WriteStatus::WrongType, 0};
  if (index < 0) {
    if (!makeRoom(key, memoryOf(Type::Counter, 0, 0, false), now)) {
      return {WriteStatus::OutOfMemory, 0};
    }
    index = insert(key, Type::Counter, now);
    recharge(index);
  } else {
    touch(entries_[index], now);
  }
  entries_[index].integer += delta;
  return {WriteStatus::Ok, entries_[index].integer};
}

bool RedisKeyspace::expire(Key key, double ttlSeconds, VirtualTime now) {
  const std::int64_t index = findLive(key, now);
  if (index < 0) return false;
  if (ttlSeconds <= 0) {
    erase(index);  // EXPIRE with a time in the past deletes the key
    return true;
  }
  setExpire(index, now + fromSeconds(ttlSeconds));
  recharge(index);
  return true;
}

std::optional<double> RedisKeyspace::ttl(Key key, VirtualTime now) {
  const std::int64_t index = findLive(key, now);
  if (index < 0 || entries_[index].expireAt == kNever) return std::nullopt;
  return toSeconds(entries_[index].expireAt - now);
}

bool RedisKeyspace::remove(Key key) {
  const std::int64_t index = find(key);
  if (index < 0) return false;
  erase(index);
  return true;
}

void RedisKeyspace::flushAll() {
  entries_.clear();
  volatile_.clear();
  sortedSets_.clear();
  freeSortedSets_.clear();
  std::fill(slots_.begin(), slots_.end(), Slot{});
  for (PoolEntry& p : pool_) p.filled = false;
  usedMemory_ = 0;
}

// --- sorted sets ---

RedisKeyspace::SortedSet& RedisKeyspace::sortedSetOf(const Entry& e) {
  return *sortedSets_[e.sortedSet - 1];
}

RedisKeyspace::WriteStatus RedisKeyspace::ensureSortedSet(Key key, std::int64_t memberBytes,
                                                          bool addsMember, std::int64_t& index,
                                                          VirtualTime now) {
  index = findLive(key, now);
  if (index >= 0 && entries_[index].type != Type::SortedSet) return WriteStatus::WrongType;
  std::int64_t members = 0;
  std::int64_t perMember = memberBytes;
  bool withTtl = false;
  if (index >= 0) {
    const SortedSet& s = sortedSetOf(entries_[index]);
    members = s.size();
    perMember = s.memberBytes;
    withTtl = entries_[index].expireAt != kNever;
  }
  if (addsMember) {
    const std::int64_t after = members + 1;
    if (!makeRoom(key, memoryOf(Type::SortedSet, after * perMember, after, withTtl), now)) {
      return WriteStatus::OutOfMemory;
    }
    index = find(key);
  }
  if (index < 0) {
    index = insert(key, Type::SortedSet, now);
    std::uint32_t slot;
    if (!freeSortedSets_.empty()) {
      slot = freeSortedSets_.back();
      freeSortedSets_.pop_back();
    } else {
      slot = static_cast<std::uint32_t>(sortedSets_.size());
      sortedSets_.emplace_back();
    }
    sortedSets_[slot] = std::make_unique<SortedSet>();
    sortedSets_[slot]->memberBytes = memberBytes;
    entries_[index].sortedSet = slot + 1;
  } else {
    touch(entries_[index], now);
  }
  return WriteStatus::Ok;
}

RedisKeyspace::WriteStatus RedisKeyspace::zadd(Key key, Member member, double score,
                                               std::int64_t memberBytes, VirtualTime now) {
  std::int64_t index = -1;
  const WriteStatus status = ensureSortedSet(key, memberBytes, true, index, now);
  if (status != WriteStatus::Ok) return status;
  SortedSet& s = sortedSetOf(entries_[index]);
  auto it = s.scores.find(member);
  if (it != s.scores.end()) {
    s.byScore.erase({it->second, member});
    it->second = score;
  } else {
    s.scores.emplace(member, score);
  }
  s.byScore.insert({score, member});
  recharge(index);
  return WriteStatus::Ok;
}

RedisKeyspace::ScoreResult RedisKeyspace::zincrby(Key key, Member member, double delta,
                                                  std::int64_t memberBytes, VirtualTime now) {
  std::int64_t index = -1;
  const WriteStatus status = ensureSortedSet(key, memberBytes, true, index, now);
  if (status != WriteStatus::Ok) return {status, 0};
  SortedSet& s = sortedSetOf(entries_[index]);
  double score = delta;
  auto it = s.scores.find(member);
  if (it != s.scores.end()) {
    s.byScore.erase({it->second, member});
    score = it->second + delta;
    it->second = score;
  } else {
    s.scores.emplace(member, score);
  }
  s.byScore.insert({score, member});
  recharge(index);
  return {WriteStatus::Ok, score};
}

std::int64_t RedisKeyspace::zremRangeByScore(Key key, double min, double max, VirtualTime now) {
  const std::int64_t index = findLive(key, now);
  if (index < 0 || entries_[index].type != Type::SortedSet) return 0;
  touch(entries_[index], now);
  SortedSet& s = sortedSetOf(entries_[index]);
  auto first = s.byScore.lower_bound({min, 0});
  std::int64_t removed = 0;
  while (first != s.byScore.end() && first->first <= max) {
    s.scores.erase(first->second);
    first = s.byScore.erase(first);
    ++removed;
  }
  if (s.size() == 0) {
    erase(index);
  } else {
    recharge(index);
  }
  return removed;
}

std::int64_t RedisKeyspace::zcard(Key key, VirtualTime now) {
  const Lookup l = lookup(key, now);
  return l.hit ? l.elements : 0;
}

std::int64_t RedisKeyspace::zrange(Key key, std::int64_t count, bool reverse, VirtualTime now,
                                   std::vector<std::pair<Member, double>>* out) {
  if (out != nullptr) out->clear();
  const Lookup l = lookup(key, now);
  if (!l.hit) return 0;
  const std::int64_t index = find(key);
  if (entries_[index].type != Type::SortedSet) return 0;
  const SortedSet& s = sortedSetOf(entries_[index]);
  const std::int64_t n = count <= 0 ? s.size() : std::min(count, s.size());
  if (out != nullptr) {
    std::int64_t taken = 0;
    if (reverse) {
      for (auto it = s.byScore.rbegin(); it != s.byScore.rend() && taken < n; ++it, ++taken) {
        out->emplace_back(it->second, it->first);
      }
    } else {
      for (auto it = s.byScore.begin(); it != s.byScore.end() && taken < n; ++it, ++taken) {
        out->emplace_back(it->second, it->first);
      }
    }
  }
  return n;
}

RedisKeyspace::WriteStatus RedisKeyspace::preloadSortedSet(Key key, std::int64_t members,
                                                           std::int64_t memberBytes,
                                                           double ttlSeconds, VirtualTime now) {
  const bool withTtl = ttlSeconds > 0;
  if (!makeRoom(key, memoryOf(Type::SortedSet, members * memberBytes, members, withTtl), now)) {
    return WriteStatus::OutOfMemory;
  }
  remove(key);
  std::int64_t index = -1;
  const WriteStatus status = ensureSortedSet(key, memberBytes, false, index, now);
  if (status != WriteStatus::Ok) return status;
  sortedSetOf(entries_[index]).anonymous = members;
  setExpire(index, withTtl ? now + fromSeconds(ttlSeconds) : kNever);
  recharge(index);
  return WriteStatus::Ok;
}

// --- scripts ---

RedisKeyspace::BucketResult RedisKeyspace::tokenBucket(Key key, double capacity,
                                                       double refillPerSecond, double ttlSeconds,
                                                       VirtualTime now) {
  // The script reads the bucket (a read: hit or miss), refills it and writes it back.
  const Lookup l = lookup(key, now);
  std::int64_t index = find(key);
  double tokens = capacity;
  if (l.hit && entries_[index].type == Type::Hash) {
    const Entry& e = entries_[index];
    tokens = std::min(capacity, e.real + toSeconds(now - e.integer) * refillPerSecond);
  }
  BucketResult result;
  result.allowed = tokens >= 1;
  if (result.allowed) tokens -= 1;
  constexpr std::int64_t kFields = 2;             // tokens, time
  constexpr std::int64_t kBucketValueBytes = 16;  // two numbers
  result.status = hset(key, kFields, kBucketValueBytes, ttlSeconds, now);
  if (result.status == WriteStatus::Ok) {
    index = find(key);
    entries_[index].real = tokens;
    entries_[index].integer = now;
  }
  result.tokens = tokens;
  return result;
}

RedisKeyspace::Key RedisKeyspace::internKey(std::string_view name) {
  auto it = interned_.find(std::string(name));
  if (it != interned_.end()) return it->second;
  const Key key = kInternedBit | static_cast<Key>(interned_.size());
  interned_.emplace(std::string(name), key);
  return key;
}

}  // namespace kvlab::sim
