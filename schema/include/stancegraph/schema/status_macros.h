// Debian's Abseil (20220623) has no status macros; these are the two we use.
//   SG_RETURN_IF_ERROR(DoThing());
//   SG_ASSIGN_OR_RETURN(auto value, ComputeValue());
#pragma once

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define SG_RETURN_IF_ERROR(expr)                 \
  do {                                           \
    ::absl::Status sg_status_ = (expr);          \
    if (!sg_status_.ok()) return sg_status_;     \
  } while (false)

#define SG_STATUS_CONCAT_INNER_(a, b) a##b
#define SG_STATUS_CONCAT_(a, b) SG_STATUS_CONCAT_INNER_(a, b)

#define SG_ASSIGN_OR_RETURN(lhs, expr) \
  SG_ASSIGN_OR_RETURN_IMPL_(SG_STATUS_CONCAT_(sg_statusor_, __LINE__), lhs, expr)

#define SG_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, expr) \
  auto statusor = (expr);                              \
  if (!statusor.ok()) return std::move(statusor).status(); \
  lhs = std::move(statusor).value()
