// Python objects from JSON values and exceptions from absl::Status: the two
// conversions at the module's boundary. Call with the GIL held.
#pragma once

#include <pybind11/pybind11.h>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "nlohmann/json.hpp"

namespace stancegraph::python {

// null -> None, booleans, numbers, strings, arrays -> list, objects -> dict.
pybind11::object ToPython(const nlohmann::json& value);

// Creates stancegraph.Error and its subclasses in `m` and translates a
// thrown StatusError into them: NotFound (also a LookupError),
// InvalidArgument (also a ValueError), FailedPrecondition, Locked (a
// FailedPrecondition: another process writes the store), DataLoss; other
// codes raise Error. The message is the status message; the exception's
// `code` attribute the status code's name ("NOT_FOUND").
void AddErrors(pybind11::module_& m);

// Carries a non-OK status to the translator.
struct StatusError {
  absl::Status status;
};

inline void ThrowIfError(const absl::Status& s) {
  if (!s.ok()) throw StatusError{s};
}

template <typename T>
T Unwrap(absl::StatusOr<T> v) {
  if (!v.ok()) throw StatusError{v.status()};
  return *std::move(v);
}

}  // namespace stancegraph::python
