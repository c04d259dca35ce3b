// Where the last report of a profile ended, kept in the database (meta key
// "report/<profile>/watermark", value {"sequence": N, "time": "RFC 3339"}),
// so `stancegraph report --since-last` reports only what is new.
//
// Concurrency: the watermark only moves forward. AdvanceWatermark reads the
// stored value and writes only when the new sequence is higher; it needs a
// database opened for writing, and one process at a time holds that (the
// directory lock), so two reports finishing at once cannot move it back or
// leave half a value (PutMeta is atomic).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "stancegraph/engine/database.h"
#include "stancegraph/schema/types.h"

namespace stancegraph::query {

struct Watermark {
  // The first mention sequence the next report counts as new.
  uint64_t sequence = 0;
  // When the report that set it was made. kNoTime when unknown.
  schema::Timestamp time = schema::kNoTime;
};

// OK for names of 1 to 64 characters from [A-Za-z0-9_.-] (not starting with
// '.'); InvalidArgument otherwise.
absl::Status ValidateProfileName(std::string_view profile);

// "report/<profile>/watermark".
std::string WatermarkKey(std::string_view profile);

// The stored watermark; nullopt when this profile has made no report yet.
// DataLoss when the stored value cannot be read.
absl::StatusOr<std::optional<Watermark>> ReadWatermark(engine::Database& db,
                                                       std::string_view profile,
                                                       const engine::ReadOptions& ro = {});

// Stores `mark` unless the stored watermark is already at or past its
// sequence. Returns the watermark stored afterwards. REQUIRES: `db` opened
// for writing (FailedPrecondition otherwise).
absl::StatusOr<Watermark> AdvanceWatermark(engine::Database& db, std::string_view profile,
                                           const Watermark& mark);

// Stores `mark` whatever is stored: for carrying a watermark into a rebuilt
// store, where sequences are new. REQUIRES: `db` opened for writing.
absl::Status StoreWatermark(engine::Database& db, std::string_view profile, const Watermark& mark);

}  // namespace stancegraph::query
