#include "extract/lexicon_predicates.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "stancegraph/schema/entity_type.h"

namespace stancegraph::importers::internal {
namespace {

using nlohmann::json;

absl::Status Bad(const std::string& file, const std::string& what) {
  return absl::InvalidArgumentError(absl::StrCat("lexicon ", file, ": ", what));
}

// Lemmas are matched lower case with single spaces.
std::string Normal(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

absl::Status Lemmas(const json& entry, const char* key, const std::string& file,
                    const std::string& where, std::vector<std::string>* out) {
  if (!entry.contains(key)) return absl::OkStatus();
  const json& list = entry.at(key);
  if (!list.is_array()) return Bad(file, absl::StrCat(where, ": \"", key, "\" is not a list"));
  for (const json& w : list) {
    if (!w.is_string()) return Bad(file, absl::StrCat(where, ": \"", key, "\" holds a non-string"));
    std::string lemma = Normal(w.get<std::string>());
    if (!lemma.empty()) out->push_back(std::move(lemma));
  }
  return absl::OkStatus();
}

absl::Status Types(const json& entry, const char* key, const std::string& file,
                   const std::string& where, std::vector<schema::EntityType>* out) {
  std::vector<std::string> names;
  if (absl::Status s = Lemmas(entry, key, file, where, &names); !s.ok()) return s;
  for (const std::string& n : names) {
    const auto type = schema::ParseEntityType(n);
    if (!type) return Bad(file, absl::StrCat(where, ": unknown entity type \"", n, "\""));
    out->push_back(*type);
  }
  return absl::OkStatus();
}

absl::Status AddClasses(const json& list, const std::string& file, PredicateLexicon* out) {
  if (!list.is_array()) return Bad(file, "\"predicates\" is not a list");
  for (size_t i = 0; i < list.size(); ++i) {
    const json& e = list[i];
    const std::string where = absl::StrCat("predicates[", i, "]");
    if (!e.is_object() || !e.contains("class") || !e.at("class").is_string()) {
      return Bad(file, where + ": needs a \"class\" name");
    }
    PredicateClass c;
    c.name = Normal(e.at("class").get<std::string>());
    const std::string named = absl::StrCat(where, " (", c.name, ")");
    for (auto [key, dest] : {std::pair{"verbs", &c.verbs}, std::pair{"nouns", &c.nouns},
                             std::pair{"objects", &c.objects}, std::pair{"opposites", &c.opposites}}) {
      if (absl::Status s = Lemmas(e, key, file, named, dest); !s.ok()) return s;
    }
    if (c.verbs.empty() && c.nouns.empty()) return Bad(file, named + ": has no verbs and no nouns");
    c.absorbs_object = e.value("absorbs_object", false);
    c.context = e.value("context", false);
    c.agentless = e.value("agentless", false);
    if (absl::Status s = Types(e, "agent_types", file, named, &c.agent_types); !s.ok()) return s;
    if (absl::Status s = Types(e, "patient_types", file, named, &c.patient_types); !s.ok()) return s;
    out->AddClass(std::move(c));
  }
  return absl::OkStatus();
}

absl::Status AddOperators(const json& list, const std::string& file, PredicateLexicon* out) {
  if (!list.is_array()) return Bad(file, "\"operators\" is not a list");
  for (size_t i = 0; i < list.size(); ++i) {
    const json& e = list[i];
    const std::string where = absl::StrCat("operators[", i, "]");
    if (!e.is_object()) return Bad(file, where + ": is not an object");
    Operator op;
    for (auto [key, pos] : {std::pair{"verb", 'v'}, std::pair{"noun", 'n'}, std::pair{"adjective", 'a'}}) {
      if (e.contains(key) && e.at(key).is_string()) {
        op.lemma = Normal(e.at(key).get<std::string>());
        op.pos = pos;
      }
    }
    if (op.lemma.empty()) return Bad(file, where + ": needs a \"verb\", \"noun\" or \"adjective\"");
    const std::string kind = e.value("kind", "transparent");
    if (kind == "transparent") {
      op.kind = Operator::Kind::kTransparent;
    } else if (kind == "act") {
      op.kind = Operator::Kind::kAct;
    } else if (kind == "claim") {
      op.kind = Operator::Kind::kClaim;
    } else if (kind == "false") {
      op.kind = Operator::Kind::kFalse;
    } else if (kind == "evidence") {
      op.kind = Operator::Kind::kEvidence;
    } else {
      return Bad(file, absl::StrCat(where, " (", op.lemma, "): unknown kind \"", kind, "\""));
    }
    const std::string dimension = e.value("dimension", "desirability");
    if (dimension != "truth" && dimension != "desirability") {
      return Bad(file, absl::StrCat(where, " (", op.lemma, "): dimension is truth or desirability"));
    }
    op.dimension = dimension == "truth" ? Operator::Dimension::kTruth
                                        : Operator::Dimension::kDesirability;
    op.polarity = e.value("polarity", 1);
    if (op.polarity != 1 && op.polarity != -1) {
      return Bad(file, absl::StrCat(where, " (", op.lemma, "): polarity is 1 or -1"));
    }
    op.hedged = e.value("hedged", false);
    op.literal = e.value("literal", false);
    out->AddOperator(std::move(op));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status AddPredicateSections(const json& doc, bool replace, const std::string& file,
                                  PredicateLexicon* out) {
  out->Clear(replace && doc.contains("predicates"), replace && doc.contains("operators"),
             replace && doc.contains("light_verbs"));
  if (doc.contains("predicates")) {
    if (absl::Status s = AddClasses(doc.at("predicates"), file, out); !s.ok()) return s;
  }
  if (doc.contains("operators")) {
    if (absl::Status s = AddOperators(doc.at("operators"), file, out); !s.ok()) return s;
  }
  if (doc.contains("light_verbs")) {
    std::vector<std::string> verbs;
    if (absl::Status s = Lemmas(doc, "light_verbs", file, "light_verbs", &verbs); !s.ok()) return s;
    for (std::string& v : verbs) out->AddLightVerb(std::move(v));
  }
  return absl::OkStatus();
}

}  // namespace stancegraph::importers::internal
