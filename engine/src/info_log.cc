#include "info_log.h"

#include <sys/time.h>

#include <cstdio>
#include <ctime>
#include <mutex>

namespace stancegraph::engine {
namespace {

class FileInfoLog final : public rocksdb::Logger {
 public:
  explicit FileInfoLog(std::FILE* file)
      : rocksdb::Logger(rocksdb::InfoLogLevel::WARN_LEVEL), file_(file) {}
  ~FileInfoLog() override {
    if (file_ != nullptr) std::fclose(file_);
  }

  using rocksdb::Logger::Logv;
  void Logv(const char* format, va_list ap) override {
    if (file_ == nullptr || format == nullptr) return;
    char line[1024];
    struct timeval now;
    gettimeofday(&now, nullptr);
    struct tm t;
    localtime_r(&now.tv_sec, &t);
    int head = std::snprintf(line, sizeof(line), "%04d/%02d/%02d-%02d:%02d:%02d.%06ld ",
                             t.tm_year + 1900, t.tm_mon + 1, t.tm_mday, t.tm_hour, t.tm_min,
                             t.tm_sec, static_cast<long>(now.tv_usec));
    if (head < 0) return;
    va_list copy;
    va_copy(copy, ap);
    std::vsnprintf(line + head, sizeof(line) - head, format, copy);
    va_end(copy);
    std::lock_guard lock(mu_);
    // Errors are dropped on purpose: a diagnostic line is not worth stopping
    // a write for, and the disk being full is reported by the write itself.
    std::fputs(line, file_);
    std::fputc('\n', file_);
    std::fflush(file_);
    std::clearerr(file_);
  }

 private:
  std::mutex mu_;
  std::FILE* file_;
};

class SilentInfoLog final : public rocksdb::Logger {
 public:
  SilentInfoLog() : rocksdb::Logger(rocksdb::InfoLogLevel::HEADER_LEVEL) {}
  using rocksdb::Logger::Logv;
  void Logv(const char*, va_list) override {}
};

}  // namespace

std::shared_ptr<rocksdb::Logger> NewInfoLog(const std::string& path) {
  std::rename(path.c_str(), (path + ".old").c_str());
  return std::make_shared<FileInfoLog>(std::fopen(path.c_str(), "ae"));
}

std::shared_ptr<rocksdb::Logger> NewSilentInfoLog() { return std::make_shared<SilentInfoLog>(); }

}  // namespace stancegraph::engine
