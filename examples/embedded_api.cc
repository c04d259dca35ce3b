// The embedded API in a few lines: open a database, import a claims file,
// then list what one holder claims, oldest first.
//
//   example_embedded_api DB_DIR CLAIMS.jsonl "Turkey"
#include <iostream>

#include "stancegraph/engine/database.h"
#include "stancegraph/importers/import.h"
#include "stancegraph/schema/status_macros.h"
#include "stancegraph/schema/time.h"

namespace sg = stancegraph;

absl::Status Run(const std::string& dir, const std::string& claims, const std::string& holder) {
  SG_ASSIGN_OR_RETURN(auto db, sg::engine::Database::Open({}, dir));

  auto report = [](const sg::importers::ImportError& e) {
    std::cerr << e.file << ":" << e.line << ": " << e.message << "\n";
  };
  SG_ASSIGN_OR_RETURN(auto summary, sg::importers::Import(*db, {claims}, {}, report));
  std::cout << "imported " << summary.documents_written << " documents, "
            << summary.mentions_written << " claim mentions\n";

  SG_ASSIGN_OR_RETURN(sg::schema::Entity who, db->FindEntity(holder));
  auto it = db->ScanByHolder(who.id);
  for (; it->Valid(); it->Next()) {
    const sg::engine::MentionRef& ref = it->ref();
    SG_ASSIGN_OR_RETURN(auto prop, db->GetProposition(ref.proposition));
    SG_ASSIGN_OR_RETURN(auto mention, it->mention());
    SG_ASSIGN_OR_RETURN(auto doc, db->GetDocument(mention.document));
    std::cout << sg::schema::FormatTime(ref.made) << "  " << who.name << "  "
              << (ref.polarity > 0 ? "+1" : ref.polarity < 0 ? "-1" : " 0") << "  \""
              << prop.text << "\"  (" << mention.predicate << "; " << doc.title << ")\n";
  }
  return it->status();
}

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: " << argv[0] << " DB_DIR CLAIMS.jsonl HOLDER\n";
    return 2;
  }
  absl::Status s = Run(argv[1], argv[2], argv[3]);
  if (!s.ok()) {
    std::cerr << "error: " << s.message() << "\n";
    return 1;
  }
  return 0;
}
