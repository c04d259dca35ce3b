// stancegraph._core: the embedded API for Python. The package around it
// (python/stancegraph/__init__.py) gives it its Pythonic surface; this file
// binds the calls, releasing the GIL for everything that reads or writes
// the store and converting answers to Python only after.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <deque>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "claim_rows.h"
#include "imports.h"
#include "questions.h"
#include "stancegraph/importers/formats.h"
#include "stancegraph/schema/status_macros.h"
#include "store_handle.h"
#include "to_python.h"

namespace stancegraph::python {
namespace {

namespace py = pybind11;
using nlohmann::json;

// A StoreHandle with what Python calls on it.
class PyStore {
 public:
  explicit PyStore(std::shared_ptr<StoreHandle> handle) : handle_(std::move(handle)) {}

  std::shared_ptr<StoreHandle> handle() const { return handle_; }
  TextImporter& text_importer() { return text_importer_; }

 private:
  std::shared_ptr<StoreHandle> handle_;
  TextImporter text_importer_;
};

// Runs `fn`, which returns an absl::StatusOr, without the GIL; returns its
// value, or raises its error once the GIL is held again. Everything that
// reads or writes the store goes through here.
template <typename F>
auto WithoutGil(F fn) {
  decltype(fn()) result;
  {
    py::gil_scoped_release nogil;
    result = fn();
  }
  return Unwrap(std::move(result));
}

// Runs `fn(db)` without the GIL and returns its JSON answer as Python.
template <typename F>
py::object Ask(StoreHandle& handle, F fn) {
  return ToPython(WithoutGil([&] { return handle.Run(fn); }));
}

using Question = absl::StatusOr<json> (*)(engine::Database&, const QuestionOptions&);

// The questions of questions.h, bound under their Python names.
struct NamedQuestion {
  const char* name;
  Question question;
};
constexpr NamedQuestion kQuestions[] = {
    {"contradictions", Contradictions}, {"changes", Changes}, {"agreements", Agreements},
    {"coalitions", Coalitions},         {"actors", Actors},   {"network", Network},
};

// Python's iterator over ClaimRows, reading a batch at a time without the GIL.
class PyClaimRows {
 public:
  explicit PyClaimRows(std::unique_ptr<ClaimRows> rows) : rows_(std::move(rows)) {}

  py::object Next() {
    ThrowIfError(rows_->CheckOpen());
    if (buffer_.empty() && !done_) {
      std::vector<json> rows = WithoutGil([&] { return rows_->Next(kBatch); });
      if (rows.empty()) done_ = true;
      for (json& r : rows) buffer_.push_back(std::move(r));
    }
    if (buffer_.empty()) throw py::stop_iteration();
    py::object row = ToPython(buffer_.front());
    buffer_.pop_front();
    return row;
  }

 private:
  static constexpr size_t kBatch = 256;
  std::unique_ptr<ClaimRows> rows_;
  std::deque<json> buffer_;
  bool done_ = false;
};

void BindOptions(py::module_& m) {
  py::class_<query::FilterSpec>(m, "FilterSpec",
                                "The view a question reads; fields as the CLI's filter options.")
      .def(py::init<>())
      .def_readwrite("since", &query::FilterSpec::from)
      .def_readwrite("until", &query::FilterSpec::to)
      .def_readwrite("concept", &query::FilterSpec::concept_name)
      .def_readwrite("holders", &query::FilterSpec::holders)
      .def_readwrite("propositions", &query::FilterSpec::propositions)
      .def_readwrite("types", &query::FilterSpec::types)
      .def_readwrite("outlet", &query::FilterSpec::outlet)
      .def_readwrite("min_confidence", &query::FilterSpec::min_confidence)
      .def_readwrite("hedged", &query::FilterSpec::hedged)
      .def_readwrite("conditional", &query::FilterSpec::conditional);
  py::class_<QuestionOptions>(m, "QuestionOptions")
      .def(py::init<>())
      .def_readwrite("filter", &QuestionOptions::filter)
      .def_readwrite("level", &QuestionOptions::level)
      .def_readwrite("by_concept", &QuestionOptions::by_concept)
      .def_readwrite("as_stated", &QuestionOptions::as_stated)
      .def_readwrite("evidence", &QuestionOptions::evidence)
      .def_readwrite("new_since", &QuestionOptions::new_since)
      .def_readwrite("normalise", &QuestionOptions::normalise)
      .def_readwrite("min_count", &QuestionOptions::min_count)
      .def_readwrite("min_size", &QuestionOptions::min_size)
      .def_readwrite("betweenness", &QuestionOptions::betweenness)
      .def_readwrite("involving", &QuestionOptions::involving)
      .def_readwrite("kind", &QuestionOptions::kind)
      .def_readwrite("keep_isolated", &QuestionOptions::keep_isolated);
  py::class_<importers::SourceOptions>(m, "SourceOptions")
      .def(py::init<>())
      .def_readwrite("extractor_command", &importers::SourceOptions::extractor_command)
      .def_readwrite("lexicon_dir", &importers::SourceOptions::lexicon_dir)
      .def_readwrite("extractor_timeout_seconds",
                     &importers::SourceOptions::extractor_timeout_seconds)
      .def_readwrite("max_document_bytes", &importers::SourceOptions::max_document_bytes)
      .def_readwrite("max_html_depth", &importers::SourceOptions::max_html_depth)
      .def_readwrite("max_sentence_bytes", &importers::SourceOptions::max_sentence_bytes);
  py::class_<FileImportOptions>(m, "FileImportOptions")
      .def(py::init<>())
      .def_readwrite("format", &FileImportOptions::format)
      .def_readwrite("source", &FileImportOptions::source)
      .def_readwrite("published", &FileImportOptions::published)
      .def_readwrite("bulk", &FileImportOptions::bulk)
      .def_readwrite("max_errors", &FileImportOptions::max_errors);
  py::class_<TextImportOptions>(m, "TextImportOptions")
      .def(py::init<>())
      .def_readwrite("title", &TextImportOptions::title)
      .def_readwrite("published", &TextImportOptions::published)
      .def_readwrite("url", &TextImportOptions::url)
      .def_readwrite("outlet", &TextImportOptions::outlet)
      .def_readwrite("source", &TextImportOptions::source)
      .def_readwrite("extraction", &TextImportOptions::extraction);
  py::class_<ClaimQuery>(m, "ClaimQuery")
      .def(py::init<>())
      .def_readwrite("filter", &ClaimQuery::filter)
      .def_readwrite("document", &ClaimQuery::document);
}

void BindStore(py::module_& m) {
  py::class_<PyClaimRows>(m, "ClaimRows", "Claim mentions, read a batch at a time.")
      .def("__iter__", [](PyClaimRows& r) -> PyClaimRows& { return r; })
      .def("__next__", &PyClaimRows::Next);

  py::class_<PyStore> store(m, "StoreHandle", "An open store; see stancegraph.Store.");
  store.def_property_readonly("path", [](PyStore& s) { return s.handle()->path(); })
      .def_property_readonly("read_only", [](PyStore& s) { return s.handle()->read_only(); })
      .def_property_readonly("closed", [](PyStore& s) { return s.handle()->closed(); })
      .def("close",
           [](PyStore& s) {
             py::gil_scoped_release nogil;
             s.handle()->Close();
           })
      .def("import_files",
           [](PyStore& s, const std::vector<std::string>& paths, const FileImportOptions& o) {
             return Ask(*s.handle(),
                        [&](engine::Database& db) { return ImportFiles(db, paths, o); });
           })
      .def("import_text",
           [](PyStore& s, const std::string& text, const TextImportOptions& o) {
             return Ask(*s.handle(), [&](engine::Database& db) {
               return s.text_importer().Import(db, text, o);
             });
           })
      .def("claims",
           [](PyStore& s, const ClaimQuery& q) {
             return PyClaimRows(WithoutGil([&] { return ClaimRows::Start(s.handle(), q); }));
           })
      .def("stats", [](PyStore& s) {
        return Ask(*s.handle(), [](engine::Database& db) -> absl::StatusOr<json> {
          SG_ASSIGN_OR_RETURN(engine::Stats st, db.GetStats());
          return json{{"documents", st.documents},       {"entities", st.entities},
                      {"propositions", st.propositions}, {"claims", st.claims},
                      {"mentions", st.mentions},         {"disk_bytes", st.disk_bytes}};
        });
      });
  for (const NamedQuestion& q : kQuestions) {
    store.def(q.name, [question = q.question](PyStore& s, const QuestionOptions& o) {
      return Ask(*s.handle(), [&](engine::Database& db) { return question(db, o); });
    });
  }

  m.def(
      "open_store",
      [](const std::string& path, bool read_only) {
        return std::make_unique<PyStore>(
            WithoutGil([&] { return StoreHandle::Open(path, read_only); }));
      },
      py::arg("path"), py::arg("read_only") = false);
  m.def(
      "formats", [] { return importers::FormatNames(); },
      "The input formats import_files reads, besides \"auto\".");
}

}  // namespace
}  // namespace stancegraph::python

PYBIND11_MODULE(_core, m) {
  m.doc() = "The stancegraph engine (use the stancegraph package, not this module).";
  m.attr("__version__") = SG_VERSION;
  stancegraph::python::AddErrors(m);
  stancegraph::python::BindOptions(m);
  stancegraph::python::BindStore(m);
}
