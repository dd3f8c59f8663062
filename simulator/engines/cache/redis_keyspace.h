#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "simulator/core/virtual_clock.h"
#include "simulator/engines/cache/redis_parameters.h"
#include "simulator/workload/random.h"

namespace kvlab::sim {

// Redis's maxmemory-policy values that the model implements.
enum class EvictionPolicy { AllKeysLru, AllKeysLfu, VolatileTtl, NoEviction };
std::string_view evictionPolicyName(EvictionPolicy policy);  // "allkeys-lru", ...
std::optional<EvictionPolicy> parseEvictionPolicy(std::string_view name);

// How a keyspace accounts memory, evicts and expires. Build it from the data file with
// redisKeyspaceConfig(); the numbers are Redis's (data/engines/redis.json), not the model's.
struct RedisKeyspaceConfig {
  double maxMemoryBytes = 0;  // 0: no limit (Redis's maxmemory 0)
  EvictionPolicy policy = EvictionPolicy::AllKeysLru;
  int samples = 5;    // maxmemory-samples
  int poolSize = 16;  // the eviction pool (EVPOOL_SIZE)
  int lfuLogFactor = 10;
  int lfuDecayTimeMinutes = 1;
  int lfuInitValue = 5;
  double lruClockResolutionMicros = 1e6;
  // Memory per key by type, per hash field, per sorted-set member, per key with a TTL.
  double stringOverheadBytes = 0;
  double integerOverheadBytes = 0;
  double hashOverheadBytes = 0;
  double hashFieldOverheadBytes = 0;
  double sortedSetOverheadBytes = 0;
  double sortedSetMemberOverheadBytes = 0;
  double expireOverheadBytes = 0;
  double keyBytes = 16;  // the key's name ("session:8f3a..."), the same for every key
  // Active expiry (activeExpireCycle): `hz` cycles a second, each sampling `keysPerLoop` keys
  // with a TTL and repeating while more than `acceptableStalePercent` of them had expired, within
  // `cycleTimePercent` of the cycle's time at `keyMicros` a key.
  bool activeExpiry = true;
  int hz = 10;
  int keysPerLoop = 20;
  int acceptableStalePercent = 10;
  double cycleTimePercent = 25;
  double keyMicros = 1;
};

// The keyspace settings of `parameters` with `maxMemoryBytes` and `policy`.
RedisKeyspaceConfig redisKeyspaceConfig(const RedisParameters& parameters, double maxMemoryBytes,
                                        EvictionPolicy policy);

// An in-memory model of one Redis database: keys holding strings (a size), counters (an integer),
// hashes (fields and a size) and sorted sets (members with scores), each with an optional TTL, in
// virtual time. It keeps no values, only what they cost: memory per key is the type's overhead +
// the key's name + the value's bytes (+ per field or member, + a TTL's entry), as
// data/engines/redis.json says.
//
// As Redis does: an expired key is removed when it is next touched (lazy) or by the periodic
// active expiry that samples keys with a TTL; with `maxmemory` a write that needs memory first
// evicts keys by the policy: allkeys-lru and volatile-ttl sample `samples` keys (all keys, or
// those with a TTL) into an eviction pool of `poolSize` kept sorted by idle time (or by expiry)
// and evict the best; allkeys-lfu ranks by Redis's 8-bit logarithmic counter (lfu-log-factor,
// lfu-decay-time); noeviction refuses the write (OutOfMemory). Unlike Redis, which evicts before a
// command while it is over the limit (and so may end one write above it), a write here evicts
// until it fits, so used memory never exceeds maxmemory.
//
// Keys are 64-bit numbers (an engine packs a key space and a key number into one; internKey gives
// a number for a string). Sampling draws from a seeded stream and keys live in a dense array, so
// a run is the same every time. No allocation per command once the tables have grown, except
// for sorted-set members. Not thread-safe.
class RedisKeyspace {
 public:
  using Key = std::uint64_t;
  using Member = std::uint64_t;

  enum class Type : std::uint8_t { String, Counter, Hash, SortedSet };
  enum class WriteStatus { Ok, OutOfMemory, WrongType };

  struct Lookup {
    bool hit = false;
    std::int64_t bytes = 0;     // the value's bytes (a sorted set: members x member bytes)
    std::int64_t elements = 0;  // hash fields or sorted-set members
  };
  struct IncrResult {
    WriteStatus status = WriteStatus::Ok;
    std::int64_t value = 0;
  };
  struct ScoreResult {
    WriteStatus status = WriteStatus::Ok;
    double score = 0;
  };
  struct BucketResult {
    WriteStatus status = WriteStatus::Ok;
    bool allowed = false;
    double tokens = 0;  // left after this request
  };
  // What has happened since the keyspace was made (flushAll keeps them).
  struct Stats {
    std::int64_t hits = 0;    // reads that found their key (Redis's keyspace_hits)
    std::int64_t misses = 0;  // reads that did not (keyspace_misses)
    std::int64_t evictions = 0;
    std::int64_t expirations = 0;     // lazy and active
    std::int64_t rejectedWrites = 0;  // OutOfMemory answers
  };

  RedisKeyspace(RedisKeyspaceConfig config, std::uint64_t seed);
  ~RedisKeyspace();
  RedisKeyspace(const RedisKeyspace&) = delete;
  RedisKeyspace& operator=(const RedisKeyspace&) = delete;

  const RedisKeyspaceConfig& config() const { return config_; }

  // Every call takes the time it runs at; times must not go back. Each call first runs the
  // active-expiry cycles due by `now`, then removes its key if its TTL has passed.

  // A read of `key` (GET, HGETALL): hit or miss, counted in stats; a hit refreshes the key's LRU
  // time or LFU counter.
  Lookup lookup(Key key, VirtualTime now);
  // Whether `key` exists, without counting or touching it.
  bool exists(Key key, VirtualTime now);
  // SET: a string of `valueBytes`, with a TTL when ttlSeconds > 0 (else none, as SET clears it).
  WriteStatus set(Key key, std::int64_t valueBytes, double ttlSeconds, VirtualTime now);
  // HSET of a whole item: the hash holds `fields` fields of `valueBytes` in all. ttlSeconds > 0
  // sets the TTL (HSET + EXPIRE); otherwise an existing TTL stays.
  WriteStatus hset(Key key, std::int64_t fields, std::int64_t valueBytes, double ttlSeconds,
                   VirtualTime now);
  // INCRBY: creates the counter at 0 first. WrongType on a key that is not a counter.
  IncrResult incrBy(Key key, std::int64_t delta, VirtualTime now);
  // EXPIRE: false when the key does not exist.
  bool expire(Key key, double ttlSeconds, VirtualTime now);
  // The seconds left before `key` expires; nothing when it has no TTL or does not exist.
  std::optional<double> ttl(Key key, VirtualTime now);
  // DEL: true when it existed.
  bool remove(Key key);
  // FLUSHALL: every key gone, memory back to 0; the stats stay.
  void flushAll();

  // Sorted sets. Members are numbers, each `memberBytes` long (fixed when the set is made).
  WriteStatus zadd(Key key, Member member, double score, std::int64_t memberBytes, VirtualTime now);
  ScoreResult zincrby(Key key, Member member, double delta, std::int64_t memberBytes,
                      VirtualTime now);
  // ZREMRANGEBYSCORE key min max (inclusive): the members removed. An emptied set is deleted.
  std::int64_t zremRangeByScore(Key key, double min, double max, VirtualTime now);
  // ZCARD: a read (hit or miss counted); 0 when missing.
  std::int64_t zcard(Key key, VirtualTime now);
  // ZRANGE / ZREVRANGE key 0 count-1 (count <= 0: all): a read. Returns how many members the
  // reply holds and, when `out` is given, fills it with (member, score) in order. Members made by
  // preloadSortedSet have no identity: they count in the reply after the real ones.
  std::int64_t zrange(Key key, std::int64_t count, bool reverse, VirtualTime now,
                      std::vector<std::pair<Member, double>>* out = nullptr);
  // A sorted set of `members` anonymous members (a warm cache's collection), replacing `key`.
  WriteStatus preloadSortedSet(Key key, std::int64_t members, std::int64_t memberBytes,
                               double ttlSeconds, VirtualTime now);

  // A token bucket as a script (EVAL) on a hash {tokens, time}: refills `refillPerSecond` since
  // the last call up to `capacity`, takes one token when there is one, writes back with the TTL.
  // A missing bucket starts full.
  BucketResult tokenBucket(Key key, double capacity, double refillPerSecond, double ttlSeconds,
                           VirtualTime now);

  // Runs the active-expiry cycles due by `now` (every call does this first).
  void advance(VirtualTime now);

  // The bytes a key of `type` would take: overhead, name, value, per element, TTL entry.
  std::int64_t memoryOf(Type type, std::int64_t valueBytes, std::int64_t elements,
                        bool withTtl) const;
  // A key number for a string key, stable for this keyspace (the first string gets the first
  // number); numbers from here have the top bit set, so they never meet small packed keys.
  Key internKey(std::string_view name);

  const Stats& stats() const { return stats_; }
  // The memory of the Redis node being modeled, as Redis would count it (INFO used_memory).
  std::int64_t usedMemory() const { return usedMemory_; }
  // The memory this model itself holds in the process, an estimate in bytes: its tables and
  // sorted sets. Far less than usedMemory(), as no value is kept; for a run's memory budget.
  std::size_t footprintBytes() const;
  std::int64_t maxMemory() const { return maxMemory_; }
  std::int64_t keyCount() const;

  // Room for `keys` keys without growing the table (a warm start knows how many it loads).
  void reserve(std::int64_t keys);
  // Asks the processor to fetch `key`'s first slot: a loader that knows its next keys calls it
  // a few keys ahead, so that the table's cache misses overlap. Changes nothing else.
  void prefetch(Key key) const;
  std::int64_t volatileKeyCount() const { return static_cast<std::int64_t>(volatile_.size()); }

 private:
  struct Entry;
  struct SortedSet;
  struct PoolEntry {
    Key key = 0;
    std::uint64_t idle = 0;
    bool filled = false;
  };

  static constexpr VirtualTime kNever = INT64_MAX;

  // The table: open addressing over entry indexes.
  std::int64_t find(Key key) const;
  std::size_t slotOf(Key key) const;
  void growTable();
  std::int64_t insert(Key key, Type type, VirtualTime now);
  void erase(std::int64_t index);

  std::int64_t findLive(Key key, VirtualTime now);
  void touch(Entry& e, VirtualTime now);
  std::uint8_t lfuDecayed(const Entry& e, VirtualTime now) const;
  void setExpire(std::int64_t index, VirtualTime at);
  std::int64_t entryMemory(const Entry& e) const;
  void recharge(std::int64_t index);
  // Evicts until a key that will take `newMemory` (replacing `key`'s current memory) fits. False
  // when it cannot (noeviction, or nothing left to evict), counted as a rejected write.
  bool makeRoom(Key key, std::int64_t newMemory, VirtualTime now);
  bool evictOne(VirtualTime now);
  std::uint64_t idleOf(const Entry& e, VirtualTime now) const;
  void runExpiryCycle(VirtualTime at);
  SortedSet& sortedSetOf(const Entry& e);
  WriteStatus ensureSortedSet(Key key, std::int64_t memberBytes, bool addsMember,
                              std::int64_t& index, VirtualTime now);

  RedisKeyspaceConfig config_;
  std::int64_t maxMemory_ = 0;
  Random random_;
  std::vector<Entry> entries_;  // dense: sampling picks an index
  // The open-addressing table: an entry's index + 1 (0 for empty) and the low 32 bits of its
  // key's hash, so that a probe compares hashes in the table and reads an entry (a cache miss
  // on a large keyspace) only when they match, and a removal finds a slot's home without it.
  struct Slot {
    std::uint32_t entry = 0;
    std::uint32_t hash = 0;
  };
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> volatile_;  // indexes of entries with a TTL
  std::vector<std::unique_ptr<SortedSet>> sortedSets_;
  std::vector<std::uint32_t> freeSortedSets_;
  std::vector<PoolEntry> pool_;
  std::vector<std::int64_t> sampled_;
  std::unordered_map<std::string, Key> interned_;
  std::int64_t usedMemory_ = 0;
  VirtualTime nextCycle_ = 0;
  VirtualTime cyclePeriod_ = 0;
  Stats stats_;
};

}  // namespace kvlab::sim
