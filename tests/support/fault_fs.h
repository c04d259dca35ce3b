// A rocksdb::FileSystem that fails chosen calls, for tests of what the
// engine does when a disk fills up or a write fails: "fail the Nth call of
// kind K", once (an EIO) or from then on (a full disk: ENOSPC until Heal).
//
//   FaultFs::Env env;
//   env.fs->Arm(FaultFs::kSync, 3, FaultFs::kFromThenOn);
//   auto db = Database::Open({.env = env.env.get()}, dir);
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "rocksdb/env.h"
#include "rocksdb/file_system.h"

namespace stancegraph::testing {

class FaultFs final : public rocksdb::FileSystemWrapper {
 public:
  enum Kind { kCreate, kWrite, kSync, kRename, kNumKinds };
  enum Mode { kOnce, kFromThenOn };

  static const char* KindName(Kind k) {
    static const char* const kNames[] = {"create", "write", "sync", "rename"};
    return kNames[k];
  }

  // A FaultFs over the default file system and an Env using it.
  struct Env {
    Env() : fs(std::make_shared<FaultFs>()), env(rocksdb::NewCompositeEnv(fs)) {}
    std::shared_ptr<FaultFs> fs;
    std::unique_ptr<rocksdb::Env> env;
  };

  FaultFs() : rocksdb::FileSystemWrapper(rocksdb::FileSystem::Default()) {}
  static const char* kClassName() { return "FaultFs"; }
  const char* Name() const override { return kClassName(); }

  // From now on, the `n`th call of `kind` (counting from 1) fails, and with
  // kFromThenOn every later one of that kind too. Resets the counts.
  void Arm(Kind kind, int n, Mode mode) {
    for (auto& c : calls_) c = 0;
    kind_ = kind;
    n_ = n;
    mode_ = mode;
    failed_ = false;
  }
  // No more faults.
  void Heal() { kind_ = kNumKinds; }
  // Whether an armed fault has been returned since Arm.
  bool failed() const { return failed_; }
  // How many calls of the armed kind were made since Arm (until Heal), the
  // failed ones included.
  int calls(Kind kind) const { return calls_[kind]; }

  // Counts a call of `kind`; the fault to return, or OK.
  rocksdb::IOStatus Check(Kind kind, const std::string& what) {
    if (kind_ != kind) return rocksdb::IOStatus::OK();
    const int call = ++calls_[kind];
    if (call < n_ || (call > n_ && mode_ == kOnce)) return rocksdb::IOStatus::OK();
    failed_ = true;
    if (mode_ == kFromThenOn) {
      return rocksdb::IOStatus::NoSpace("injected", what + ": No space left on device");
    }
    return rocksdb::IOStatus::IOError("injected", what + ": Input/output error");
  }

  rocksdb::IOStatus NewWritableFile(const std::string& f, const rocksdb::FileOptions& o,
                                    std::unique_ptr<rocksdb::FSWritableFile>* r,
                                    rocksdb::IODebugContext* dbg) override {
    if (auto s = Check(kCreate, "create " + f); !s.ok()) return s;
    auto s = target()->NewWritableFile(f, o, r, dbg);
    if (s.ok()) *r = std::make_unique<File>(std::move(*r), this, f);
    return s;
  }
  rocksdb::IOStatus ReopenWritableFile(const std::string& f, const rocksdb::FileOptions& o,
                                       std::unique_ptr<rocksdb::FSWritableFile>* r,
                                       rocksdb::IODebugContext* dbg) override {
    if (auto s = Check(kCreate, "reopen " + f); !s.ok()) return s;
    auto s = target()->ReopenWritableFile(f, o, r, dbg);
    if (s.ok()) *r = std::make_unique<File>(std::move(*r), this, f);
    return s;
  }
  rocksdb::IOStatus ReuseWritableFile(const std::string& f, const std::string& old,
                                      const rocksdb::FileOptions& o,
                                      std::unique_ptr<rocksdb::FSWritableFile>* r,
                                      rocksdb::IODebugContext* dbg) override {
    if (auto s = Check(kCreate, "reuse " + f); !s.ok()) return s;
    auto s = target()->ReuseWritableFile(f, old, o, r, dbg);
    if (s.ok()) *r = std::make_unique<File>(std::move(*r), this, f);
    return s;
  }
  rocksdb::IOStatus NewDirectory(const std::string& name, const rocksdb::IOOptions& o,
                                 std::unique_ptr<rocksdb::FSDirectory>* r,
                                 rocksdb::IODebugContext* dbg) override {
    auto s = target()->NewDirectory(name, o, r, dbg);
    if (s.ok()) *r = std::make_unique<Directory>(std::move(*r), this, name);
    return s;
  }
  rocksdb::IOStatus RenameFile(const std::string& s, const std::string& t,
                               const rocksdb::IOOptions& o, rocksdb::IODebugContext* dbg) override {
    if (auto f = Check(kRename, "rename " + s); !f.ok()) return f;
    return target()->RenameFile(s, t, o, dbg);
  }
  rocksdb::IOStatus LinkFile(const std::string& s, const std::string& t,
                             const rocksdb::IOOptions& o, rocksdb::IODebugContext* dbg) override {
    if (auto f = Check(kRename, "link " + s); !f.ok()) return f;
    return target()->LinkFile(s, t, o, dbg);
  }

 private:
  class File final : public rocksdb::FSWritableFileOwnerWrapper {
   public:
    File(std::unique_ptr<rocksdb::FSWritableFile> f, FaultFs* fs, std::string name)
        : rocksdb::FSWritableFileOwnerWrapper(std::move(f)), fs_(fs), name_(std::move(name)) {}
    rocksdb::IOStatus Append(const rocksdb::Slice& d, const rocksdb::IOOptions& o,
                             rocksdb::IODebugContext* dbg) override {
      if (auto s = fs_->Check(kWrite, "write " + name_); !s.ok()) return s;
      return target()->Append(d, o, dbg);
    }
    rocksdb::IOStatus Append(const rocksdb::Slice& d, const rocksdb::IOOptions& o,
                             const rocksdb::DataVerificationInfo& v,
                             rocksdb::IODebugContext* dbg) override {
      if (auto s = fs_->Check(kWrite, "write " + name_); !s.ok()) return s;
      return target()->Append(d, o, v, dbg);
    }
    rocksdb::IOStatus PositionedAppend(const rocksdb::Slice& d, uint64_t off,
                                       const rocksdb::IOOptions& o,
                                       rocksdb::IODebugContext* dbg) override {
      if (auto s = fs_->Check(kWrite, "write " + name_); !s.ok()) return s;
      return target()->PositionedAppend(d, off, o, dbg);
    }
    rocksdb::IOStatus Sync(const rocksdb::IOOptions& o, rocksdb::IODebugContext* dbg) override {
      if (auto s = fs_->Check(kSync, "sync " + name_); !s.ok()) return s;
      return target()->Sync(o, dbg);
    }
    rocksdb::IOStatus Fsync(const rocksdb::IOOptions& o, rocksdb::IODebugContext* dbg) override {
      if (auto s = fs_->Check(kSync, "fsync " + name_); !s.ok()) return s;
      return target()->Fsync(o, dbg);
    }

   private:
    FaultFs* fs_;
    std::string name_;
  };

  class Directory final : public rocksdb::FSDirectory {
   public:
    Directory(std::unique_ptr<rocksdb::FSDirectory> d, FaultFs* fs, std::string name)
        : dir_(std::move(d)), fs_(fs), name_(std::move(name)) {}
    rocksdb::IOStatus Fsync(const rocksdb::IOOptions& o, rocksdb::IODebugContext* dbg) override {
      if (auto s = fs_->Check(kSync, "fsync directory " + name_); !s.ok()) return s;
      return dir_->Fsync(o, dbg);
    }
    rocksdb::IOStatus FsyncWithDirOptions(const rocksdb::IOOptions& o, rocksdb::IODebugContext* dbg,
                                          const rocksdb::DirFsyncOptions& d) override {
      if (auto s = fs_->Check(kSync, "fsync directory " + name_); !s.ok()) return s;
      return dir_->FsyncWithDirOptions(o, dbg, d);
    }
    rocksdb::IOStatus Close(const rocksdb::IOOptions& o, rocksdb::IODebugContext* dbg) override {
      return dir_->Close(o, dbg);
    }
    size_t GetUniqueId(char* id, size_t max) const override { return dir_->GetUniqueId(id, max); }

   private:
    std::unique_ptr<rocksdb::FSDirectory> dir_;
    FaultFs* fs_;
    std::string name_;
  };

  std::atomic<int> calls_[kNumKinds] = {};
  std::atomic<int> kind_{kNumKinds};
  std::atomic<int> n_{0};
  std::atomic<int> mode_{kOnce};
  std::atomic<bool> failed_{false};
};

}  // namespace stancegraph::testing
