// Stores for the re-extraction tests: articles written for the test,
// imported with the shipped lexicons; a lexicon that adds a cue verb the
// shipped one lacks ("grumble"); and a store turned into one of storage
// format 2, as an older stancegraph left it.
#pragma once

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "column_families.h"
#include "rocksdb/db.h"
#include "stancegraph/engine/database.h"
#include "stancegraph/importers/import.h"
#include "stancegraph/schema/binary_codec.h"
#include "wire.h"

namespace stancegraph::testing {

inline void WriteFile(const std::string& path, const std::string& text) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// Articles whose second sentence has a cue only the grumble lexicon knows.
inline std::string Article(const std::string& title, const std::string& date,
                           const std::string& holder, const std::string& member) {
  return title + "\nPublished: " + date + "\n\n" + holder + " said that " + member +
         " should join Nato. Germany grumbled that " + member +
         " must not join the European Union.\n\nLeave a comment\n";
}

// A directory whose one file adds the cue verb "grumble" (for
// $STANCEGRAPH_LEXICONS or Lexicon::Load's extra_dirs).
inline void WriteGrumbleLexicon(const std::string& dir) {
  WriteFile(dir + "/grumble.json", R"({"cues": [{"verb": "grumble", "kind": "assert"}]})");
}

// The shipped lexicons plus the grumble cue: a whole lexicon directory, as
// `--lexicon DIR` wants.
inline void WriteFullGrumbleLexicon(const std::string& dir) {
  std::filesystem::create_directories(dir);
  for (const auto& f :
       std::filesystem::directory_iterator(std::string(SG_SOURCE_DIR) + "/importers/lexicons")) {
    std::filesystem::copy_file(f.path(), dir + "/" + f.path().filename().string());
  }
  WriteGrumbleLexicon(dir);
}

// Imports `paths` into the store in `dir` (created when absent) with the
// shipped lexicons, as one import.
inline importers::ImportSummary ImportInto(const std::string& dir,
                                           const std::vector<std::string>& paths) {
  auto db = engine::Database::Open({}, dir);
  REQUIRE(db.ok());
  auto s = importers::Import(**db, paths, {}, nullptr);
  REQUIRE(s.ok());
  REQUIRE(s->errors == 0);
  return *s;
}

// Rewrites the store in `dir` as stancegraph format 2 wrote it: the format
// marker "2", documents without furniture and propositions with subject,
// relation and object (version-1 records). REQUIRES: no process has it open.
inline void DowngradeToFormat2(const std::string& dir) {
  rocksdb::DBOptions dbo;
  std::vector<rocksdb::ColumnFamilyDescriptor> descs;
  for (auto name : engine::kCfNames)
    descs.emplace_back(std::string(name), rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  REQUIRE(rocksdb::DB::Open(dbo, dir, descs, &handles, &raw).ok());
  std::unique_ptr<rocksdb::DB> db(raw);
  REQUIRE(db->Put({}, handles[engine::kMeta], "format_version", "2").ok());
  auto rewrite = [&](engine::Cf cf, auto encode_v1) {
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator({}, handles[cf]));
    std::vector<std::pair<std::string, std::string>> records;
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      records.emplace_back(it->key().ToString(), encode_v1(it->value().ToString()));
    }
    REQUIRE(it->status().ok());
    for (const auto& [k, v] : records) REQUIRE(db->Put({}, handles[cf], k, v).ok());
  };
  namespace wire = schema::wire;
  rewrite(engine::kDocs, [](const std::string& v) {
    auto d = schema::DecodeDocument(v);
    REQUIRE(d.ok());
    std::string out(1, '\x01');
    wire::PutFixed64(&out, d->id);
    for (const std::string* s : {&d->source, &d->url, &d->outlet, &d->title})
      wire::PutString(&out, *s);
    wire::PutSigned(&out, d->published);
    wire::PutSigned(&out, d->ingested);
    wire::PutString(&out, d->text);
    return out;
  });
  rewrite(engine::kProps, [](const std::string& v) {
    auto p = schema::DecodeProposition(v);
    REQUIRE(p.ok());
    std::string out(1, '\x01');
    wire::PutFixed64(&out, p->id);
    wire::PutString(&out, p->arguments.empty() ? "" : p->arguments.front().value);    // subject
    wire::PutString(&out, p->predicate);                                              // relation
    wire::PutString(&out, p->arguments.size() < 2 ? "" : p->arguments.back().value);  // object
    wire::PutString(&out, p->text);
    wire::PutString(&out, p->concept_name);
    wire::PutString(&out, p->key);
    return out;
  });
  rocksdb::FlushOptions fo;
  REQUIRE(db->Flush(fo, handles).ok());
  for (auto* h : handles) REQUIRE(db->DestroyColumnFamilyHandle(h).ok());
  REQUIRE(db->Close().ok());
}

}  // namespace stancegraph::testing
