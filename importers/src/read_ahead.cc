#include "read_ahead.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <streambuf>

#include "absl/strings/str_cat.h"
#include "input_files.h"
#include "stancegraph/importers/formats.h"
#include "stancegraph/schema/validate.h"

namespace stancegraph::importers {
namespace {

// Replays bytes already read (to detect the format) before the rest of a
// stream that cannot seek back, such as stdin.
class PrefixedBuf final : public std::streambuf {
 public:
  PrefixedBuf(std::string prefix, std::streambuf* rest) : prefix_(std::move(prefix)), rest_(rest) {
    setg(prefix_.data(), prefix_.data(), prefix_.data() + prefix_.size());
  }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    std::streamsize n = rest_->sgetn(buf_, sizeof buf_);
    if (n <= 0) return traits_type::eof();
    setg(buf_, buf_, buf_ + n);
    return traits_type::to_int_type(*gptr());
  }

 private:
  std::string prefix_;
  std::streambuf* rest_;
  char buf_[1 << 16];
};

std::string ReadHead(std::istream& in, size_t n) {
  std::string head(n, '\0');
  in.read(head.data(), static_cast<std::streamsize>(n));
  head.resize(static_cast<size_t>(in.gcount()));
  return head;
}

}  // namespace

ReadAhead::ReadAhead(std::vector<std::string> paths, const ImportOptions& options)
    : paths_(std::move(paths)),
      options_(options),
      collect_([this](const ImportError& e) { pending_.errors.push_back(e); }),
      thread_([this] { Run(); }) {}

ReadAhead::~ReadAhead() {
  {
    std::lock_guard lock(mu_);
    stopped_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

bool ReadAhead::Next(ReadBatch* out) {
  std::unique_lock lock(mu_);
  changed_.wait(lock, [&] { return !queue_.empty() || done_; });
  if (queue_.empty()) return false;
  *out = std::move(queue_.front());
  queue_.pop_front();
  changed_.notify_all();
  return true;
}

bool ReadAhead::Offer(bool force) {
  if (!force && pending_.documents.size() < kBatchDocuments && pending_bytes_ < kBatchBytes) {
    return true;
  }
  std::unique_lock lock(mu_);
  changed_.wait(lock, [&] { return queue_.size() < kMaxQueued || stopped_; });
  if (stopped_) return false;
  queue_.push_back(std::move(pending_));
  pending_ = ReadBatch();
  pending_bytes_ = 0;
  changed_.notify_all();
  return true;
}

void ReadAhead::Run() {
  const std::vector<std::string> inputs = ExpandInputs(paths_, options_.follow_symlinks, collect_);
  for (const std::string& path : inputs) {
    std::error_code ec;
    const auto size = path == "-" ? 0 : std::filesystem::file_size(path, ec);
    if (path == "-" || ec) pending_.size_unknown = true;
    else pending_.bytes_total += size;
  }
  for (const std::string& path : inputs) {
    ReadFile(path);
    if (!Offer(/*force=*/false)) break;
  }
  Offer(/*force=*/true);
  {
    std::lock_guard lock(mu_);
    done_ = true;
  }
  changed_.notify_all();
}

void ReadAhead::ReadFile(const std::string& path) {
  const ErrorSink& errors = collect_;
  ++pending_.files;
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) {
      errors({path, 0, "cannot open file"});
      return;
    }
    in = &file;
  }
  std::string format = options_.format;
  std::unique_ptr<PrefixedBuf> replay;
  std::istream replayed(nullptr);
  if (format == "auto") {
    std::string head = ReadHead(*in, 4096);
    if (LooksBinary(head)) {
      errors({path, 0,
              "binary file (NUL bytes), not text, HTML, a feed or claims: not imported (give "
              "--format to read it as one of those anyway)"});
      return;
    }
    format = DetectFormat(path == "-" ? "" : path, head);
    if (path == "-") {
      in->clear();
      replay = std::make_unique<PrefixedBuf>(std::move(head), in->rdbuf());
      replayed.rdbuf(replay.get());
      in = &replayed;
    } else {
      file.clear();
      file.seekg(0);
    }
  }
  auto source = MakeSource(format, *in, path, options_.source, errors);
  if (!source.ok()) {
    errors({path, 0, std::string(source.status().message())});
    return;
  }
  schema::DocumentClaims doc;
  file_counted_ = 0;
  uint64_t docs_in_file = 0;
  while ((*source)->Next(&doc)) {
    // Where the reader is in the file, now and then (a seek query each).
    if (path != "-" && ++docs_in_file % 64 == 0) {
      const std::streamoff at = file.tellg();
      if (at > 0 && static_cast<uint64_t>(at) > file_counted_) {
        pending_.bytes_read += static_cast<uint64_t>(at) - file_counted_;
        file_counted_ = static_cast<uint64_t>(at);
      }
    }
    ++pending_.documents_read;
    if (auto s = schema::ValidateDocumentClaims(doc); !s.ok()) {
      errors({path, 0, absl::StrCat("document ", doc.document.source, ": ", s.message())});
    } else {
      pending_bytes_ += BatchWeight(doc);
      pending_.documents.push_back(std::move(doc));
    }
    doc = {};
    if (!Offer(/*force=*/false)) return;
  }
  if (!(*source)->status().ok()) errors({path, 0, std::string((*source)->status().message())});
  if (path != "-") {
    std::error_code ec;
    auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > file_counted_) pending_.bytes_read += size - file_counted_;
  }
}

}  // namespace stancegraph::importers
