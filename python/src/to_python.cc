#include "to_python.h"

#include <string>

#include "absl/strings/match.h"

namespace stancegraph::python {
namespace py = pybind11;

py::object ToPython(const nlohmann::json& v) {
  switch (v.type()) {
    case nlohmann::json::value_t::null:
    case nlohmann::json::value_t::discarded:
      return py::none();
    case nlohmann::json::value_t::boolean:
      return py::bool_(v.get<bool>());
    case nlohmann::json::value_t::number_integer:
      return py::int_(v.get<int64_t>());
    case nlohmann::json::value_t::number_unsigned:
      return py::int_(v.get<uint64_t>());
    case nlohmann::json::value_t::number_float:
      return py::float_(v.get<double>());
    case nlohmann::json::value_t::string: {
      const std::string& s = v.get_ref<const std::string&>();
      // Article text is not always valid UTF-8; never fail on a quote.
      PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace");
      if (o == nullptr) throw py::error_already_set();
      return py::reinterpret_steal<py::object>(o);
    }
    case nlohmann::json::value_t::array: {
      py::list list(v.size());
      for (size_t i = 0; i < v.size(); ++i) list[i] = ToPython(v[i]);
      return list;
    }
    case nlohmann::json::value_t::object: {
      py::dict dict;
      for (auto it = v.begin(); it != v.end(); ++it) dict[py::str(it.key())] = ToPython(it.value());
      return dict;
    }
    case nlohmann::json::value_t::binary:
      break;
  }
  return py::none();
}

namespace {

// Owned by the module for the life of the interpreter.
struct ErrorClasses {
  PyObject* error = nullptr;
  PyObject* not_found = nullptr;
  PyObject* invalid_argument = nullptr;
  PyObject* failed_precondition = nullptr;
  PyObject* locked = nullptr;
  PyObject* data_loss = nullptr;
};
ErrorClasses classes;

PyObject* NewError(py::module_& m, const char* name, const char* doc, py::tuple bases) {
  std::string full = std::string("stancegraph.") + name;
  PyObject* cls = PyErr_NewExceptionWithDoc(full.c_str(), doc, bases.ptr(), nullptr);
  if (cls == nullptr) throw py::error_already_set();
  m.add_object(name, py::reinterpret_borrow<py::object>(cls));
  return cls;
}

PyObject* ClassFor(const absl::Status& s) {
  switch (s.code()) {
    case absl::StatusCode::kNotFound:
      return classes.not_found;
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kOutOfRange:
      return classes.invalid_argument;
    case absl::StatusCode::kFailedPrecondition:
      return absl::StrContains(s.message(), "locked by another process")
                 ? classes.locked
                 : classes.failed_precondition;
    case absl::StatusCode::kDataLoss:
      return classes.data_loss;
    default:
      return classes.error;
  }
}

}  // namespace

void AddErrors(py::module_& m) {
  classes.error = NewError(m, "Error", "Base of every error the stancegraph engine reports.",
                           py::make_tuple(py::reinterpret_borrow<py::object>(PyExc_Exception)));
  auto error = py::reinterpret_borrow<py::object>(classes.error);
  classes.not_found =
      NewError(m, "NotFound", "A store, holder, proposition or document that does not exist.",
               py::make_tuple(error, py::reinterpret_borrow<py::object>(PyExc_LookupError)));
  classes.invalid_argument =
      NewError(m, "InvalidArgument", "A value the engine cannot use: a bad time, level or option.",
               py::make_tuple(error, py::reinterpret_borrow<py::object>(PyExc_ValueError)));
  classes.failed_precondition =
      NewError(m, "FailedPrecondition",
               "The store is in the wrong state for the call: closed, read-only, or of "
               "another format version.",
               py::make_tuple(error));
  classes.locked = NewError(
      m, "Locked",
      "Another process has the store open for writing; open it with read_only=True to query.",
      py::make_tuple(py::reinterpret_borrow<py::object>(classes.failed_precondition)));
  classes.data_loss = NewError(m, "DataLoss", "The store is damaged.", py::make_tuple(error));
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const StatusError& e) {
      PyObject* cls = ClassFor(e.status);
      std::string message(e.status.message());
      py::object exc = py::reinterpret_borrow<py::object>(cls)(message);
      exc.attr("code") = absl::StatusCodeToString(e.status.code());
      PyErr_SetObject(cls, exc.ptr());
    }
  });
}

}  // namespace stancegraph::python
