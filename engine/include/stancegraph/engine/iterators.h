// Scans over the store. Iterators follow LevelDB's contract:
//   for (; it->Valid(); it->Next()) { ... }  then check it->status().
// An iterator reads the snapshot it was created with (or the latest state at
// creation) and stays valid while its Database lives. Not thread-safe; use one
// per thread.
#pragma once

#include <cstdint>
#include <memory>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::engine {

// What an index entry says about a mention, decoded from the key alone.
struct MentionRef {
  uint64_t sequence = 0;  // unique per mention; the engine's ingest order
  schema::EntityId holder = 0;
  schema::PropositionId proposition = 0;
  int8_t polarity = 0;
  schema::Timestamp made = schema::kNoTime;  // kNoTime sorts first
  // What the mention changed when it was stored (set by ScanByIngest and
  // ScanByDocument, which read the mentions family; false from the indexes):
  // its claim had no earlier mention,
  bool first_of_claim = false;
  // its holder took both sides of the proposition for the first time,
  bool completes_pair = false;
  // its holder had taken both sides once it was stored (+1/-1 mentions only).
  bool pair_has_both = false;
  schema::ClaimId claim() const;
};

class MentionIterator {
 public:
  virtual ~MentionIterator() = default;
  virtual bool Valid() const = 0;
  // REQUIRES: Valid()
  virtual void Next() = 0;
  // REQUIRES: Valid(). Cheap: decoded from the index key.
  virtual const MentionRef& ref() const = 0;
  // REQUIRES: Valid(). Reads the full mention record.
  virtual absl::StatusOr<schema::Mention> mention() const = 0;
  // Non-OK if the scan met an error; check after the loop.
  virtual absl::Status status() const = 0;
};

// Every timeline at once: the holder index in (holder, proposition, made
// time, sequence) order, with seeks both ways, for reading around chosen
// mentions of long timelines without reading them whole.
class TimelineCursor {
 public:
  virtual ~TimelineCursor() = default;
  virtual bool Valid() const = 0;
  // To the first entry at or after `at`'s place (holder, proposition, made,
  // sequence).
  virtual void Seek(const MentionRef& at) = 0;
  // To the last entry at or before `at`'s place.
  virtual void SeekForPrev(const MentionRef& at) = 0;
  // REQUIRES: Valid()
  virtual void Next() = 0;
  virtual void Prev() = 0;
  virtual const MentionRef& ref() const = 0;
  virtual absl::Status status() const = 0;
};

// Canonical claims (holder, proposition, polarity), one entry each.
class ClaimIterator {
 public:
  virtual ~ClaimIterator() = default;
  virtual bool Valid() const = 0;
  // REQUIRES: Valid()
  virtual void Next() = 0;
  // REQUIRES: Valid()
  virtual const schema::Claim& claim() const = 0;
  virtual absl::Status status() const = 0;
};

// Whole records of one kind (documents, entities, propositions) in id order.
template <typename T>
class RecordIterator {
 public:
  virtual ~RecordIterator() = default;
  virtual bool Valid() const = 0;
  // REQUIRES: Valid()
  virtual void Next() = 0;
  // REQUIRES: Valid()
  virtual const T& value() const = 0;
  virtual absl::Status status() const = 0;
};

}  // namespace stancegraph::engine
