#include "stancegraph/schema/json_codec.h"

#include <cmath>
#include <string>

#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"
#include "stancegraph/schema/entity_type.h"
#include "stancegraph/schema/ids.h"
#include "stancegraph/schema/status_macros.h"
#include "stancegraph/schema/strings.h"
#include "stancegraph/schema/time.h"

namespace stancegraph::schema {
namespace {

using nlohmann::json;

json SpanToJson(const std::optional<Span>& s) {
  if (!s) return nullptr;
  return json::array({s->begin, s->end});
}

json TimeToJson(Timestamp t) {
  if (t == kNoTime) return nullptr;
  return FormatTime(t);
}

absl::Status FieldError(std::string_view field, std::string_view detail) {
  return absl::InvalidArgumentError(absl::StrCat("field \"", Av(field), "\": ", Av(detail)));
}

// Reads an optional string field; null and absent give "".
absl::StatusOr<std::string> OptString(const json& obj, const char* key, std::string_view path) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::string();
  if (!it->is_string()) return FieldError(absl::StrCat(Av(path), key), "must be a string");
  return it->get<std::string>();
}

absl::StatusOr<bool> OptBool(const json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return false;
  if (!it->is_boolean()) return FieldError(key, "must be true or false");
  return it->get<bool>();
}

absl::StatusOr<Timestamp> OptTime(const json& obj, const char* key, std::string_view path) {
  SG_ASSIGN_OR_RETURN(std::string text, OptString(obj, key, path));
  if (text.empty()) return kNoTime;
  auto t = ParseTime(text);
  if (!t.ok()) return FieldError(absl::StrCat(Av(path), key), Sv(t.status().message()));
  return *t;
}

// An id in our form is kept; any other (or none) is derived by `derive`.
template <typename Derive>
absl::StatusOr<uint64_t> OptId(const json& obj, std::string_view path, Derive derive) {
  auto it = obj.find("id");
  if (it != obj.end() && it->is_string()) {
    if (auto id = ParseId(it->get<std::string>())) return *id;
  } else if (it != obj.end() && !it->is_null()) {
    return FieldError(absl::StrCat(Av(path), "id"), "must be a string");
  }
  return derive();
}

absl::StatusOr<std::optional<Span>> ParseSpan(const json& spans, const char* key) {
  auto it = spans.find(key);
  if (it == spans.end() || it->is_null()) return std::optional<Span>();
  if (!it->is_array() || it->size() != 2 || !(*it)[0].is_number_unsigned() ||
      !(*it)[1].is_number_unsigned()) {
    return FieldError(absl::StrCat("spans.", key), "must be [begin, end] byte offsets or null");
  }
  uint64_t b = (*it)[0].get<uint64_t>(), e = (*it)[1].get<uint64_t>();
  if (b > UINT32_MAX || e > UINT32_MAX) {
    return FieldError(absl::StrCat("spans.", key), "offset too large");
  }
  if (b > e) return FieldError(absl::StrCat("spans.", key), "begin is after end");
  return std::optional<Span>(Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
}

// "arguments": [{"role": "member", "id": "…", "name": "Ukraine"}, {"role": "theme", "term": "grain"}]
absl::StatusOr<std::vector<Argument>> ParseArguments(const json& prop) {
  std::vector<Argument> out;
  auto it = prop.find("arguments");
  if (it == prop.end() || it->is_null()) return out;
  if (!it->is_array()) return FieldError("proposition.arguments", "must be an array");
  for (size_t i = 0; i < it->size(); ++i) {
    const json& a = (*it)[i];
    const std::string path = absl::StrCat("proposition.arguments[", i, "].");
    if (!a.is_object()) return FieldError(path, "must be an object");
    Argument arg;
    SG_ASSIGN_OR_RETURN(arg.role, OptString(a, "role", path));
    if (arg.role.empty()) return FieldError(absl::StrCat(path, "role"), "missing or empty");
    SG_ASSIGN_OR_RETURN(std::string name, OptString(a, "name", path));
    SG_ASSIGN_OR_RETURN(std::string term, OptString(a, "term", path));
    if (name.empty() == term.empty()) {
      return FieldError(path, "needs exactly one of \"name\" (an entity) or \"term\"");
    }
    if (!name.empty()) {
      arg.value = name;
      SG_ASSIGN_OR_RETURN(arg.entity, OptId(a, path, [&] { return MakeEntityId(name); }));
    } else {
      arg.value = term;
    }
    out.push_back(std::move(arg));
  }
  return out;
}

const json* Object(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_object()) return nullptr;
  return &*it;
}

absl::StatusOr<ClaimRecord> FromJson(const json& j) {
  if (!j.is_object()) return absl::InvalidArgumentError("a claim line must be a JSON object");
  ClaimRecord r;

  // holder
  const json* holder = Object(j, "holder");
  if (!holder) return FieldError("holder", "missing (an object with a \"name\")");
  SG_ASSIGN_OR_RETURN(r.holder.name, OptString(*holder, "name", "holder."));
  if (r.holder.name.empty()) return FieldError("holder.name", "missing or empty");
  SG_ASSIGN_OR_RETURN(std::string type, OptString(*holder, "type", "holder."));
  auto parsed_type = ParseEntityType(type);
  if (!parsed_type) return FieldError("holder.type", absl::StrCat("unknown type \"", type, "\""));
  r.holder.type = *parsed_type;
  SG_ASSIGN_OR_RETURN(r.holder.id,
                      OptId(*holder, "holder.", [&] { return MakeEntityId(r.holder.name); }));

  // proposition
  const json* prop = Object(j, "proposition");
  if (!prop) return FieldError("proposition", "missing (an object with a \"text\")");
  Proposition& p = r.proposition;
  SG_ASSIGN_OR_RETURN(p.text, OptString(*prop, "text", "proposition."));
  if (p.text.empty()) return FieldError("proposition.text", "missing or empty");
  SG_ASSIGN_OR_RETURN(p.predicate, OptString(*prop, "predicate", "proposition."));
  SG_ASSIGN_OR_RETURN(p.arguments, ParseArguments(*prop));
  SG_ASSIGN_OR_RETURN(p.concept_name, OptString(*prop, "concept", "proposition."));
  SG_ASSIGN_OR_RETURN(p.key, OptString(*prop, "key", "proposition."));
  if (p.key.empty()) p.key = NormalizeKey(p.text);
  SG_ASSIGN_OR_RETURN(p.id, OptId(*prop, "proposition.", [&] { return MakePropositionId(p.key); }));

  // polarity
  auto pol = j.find("polarity");
  if (pol == j.end() || !pol->is_number_integer()) {
    return FieldError("polarity", "missing or not an integer (-1, 0 or 1)");
  }
  int64_t polarity = pol->get<int64_t>();
  if (polarity < -1 || polarity > 1) {
    return FieldError("polarity", absl::StrCat(polarity, " is not -1, 0 or 1"));
  }
  r.claim.holder = r.holder.id;
  r.claim.proposition = p.id;
  r.claim.polarity = static_cast<int8_t>(polarity);
  r.claim.id = MakeClaimId(r.claim.holder, r.claim.proposition, r.claim.polarity);

  // document
  Document& d = r.document;
  if (const json* doc = Object(j, "doc")) {
    SG_ASSIGN_OR_RETURN(d.source, OptString(*doc, "source", "doc."));
    SG_ASSIGN_OR_RETURN(d.title, OptString(*doc, "title", "doc."));
    SG_ASSIGN_OR_RETURN(d.url, OptString(*doc, "url", "doc."));
    SG_ASSIGN_OR_RETURN(d.outlet, OptString(*doc, "outlet", "doc."));
    SG_ASSIGN_OR_RETURN(d.published, OptTime(*doc, "published", "doc."));
    SG_ASSIGN_OR_RETURN(d.text, OptString(*doc, "text", "doc."));
    auto given = doc->find("id");
    if (d.source.empty() && given != doc->end() && given->is_string()) {
      d.source = given->get<std::string>();
    }
    SG_ASSIGN_OR_RETURN(d.id, OptId(*doc, "doc.", [&] {
                          return MakeDocumentId(absl::StrCat(d.source, "\n", d.title, "\n",
                                                             FormatTime(d.published), "\n",
                                                             d.text));
                        }));
  } else {
    return FieldError("doc", "missing (an object with an \"id\" or \"source\")");
  }

  // mention
  Mention& m = r.mention;
  m.claim = r.claim.id;
  m.document = d.id;
  SG_ASSIGN_OR_RETURN(m.predicate, OptString(j, "predicate", ""));
  SG_ASSIGN_OR_RETURN(m.object_text, OptString(j, "object_text", ""));
  SG_ASSIGN_OR_RETURN(m.hedged, OptBool(j, "hedged"));
  SG_ASSIGN_OR_RETURN(m.conditional, OptBool(j, "conditional"));
  SG_ASSIGN_OR_RETURN(m.condition, OptString(j, "condition", ""));
  SG_ASSIGN_OR_RETURN(m.extractor, OptString(j, "extractor", ""));
  if (m.extractor.empty()) m.extractor = "claims-jsonl";
  SG_ASSIGN_OR_RETURN(m.made, OptTime(j, "made", ""));
  if (m.made == kNoTime) m.made = d.published;
  if (auto c = j.find("confidence"); c != j.end() && !c->is_null()) {
    if (!c->is_number()) return FieldError("confidence", "must be a number in [0, 1]");
    double v = c->get<double>();
    if (!(v >= 0.0 && v <= 1.0)) return FieldError("confidence", "must be in [0, 1]");
    m.confidence = static_cast<float>(v);
  }
  if (auto o = j.find("ordinal"); o != j.end() && !o->is_null()) {
    if (!o->is_number_unsigned() || o->get<uint64_t>() > UINT32_MAX) {
      return FieldError("ordinal", "must be a non-negative integer");
    }
    m.ordinal = static_cast<uint32_t>(o->get<uint64_t>());
  }
  if (const json* spans = Object(j, "spans")) {
    SG_ASSIGN_OR_RETURN(m.sentence, ParseSpan(*spans, "sentence"));
    SG_ASSIGN_OR_RETURN(m.holder_span, ParseSpan(*spans, "holder"));
    SG_ASSIGN_OR_RETURN(m.cue, ParseSpan(*spans, "cue"));
    SG_ASSIGN_OR_RETURN(m.content, ParseSpan(*spans, "content"));
  }
  return r;
}

}  // namespace

json EntityToJson(const Entity& e) {
  json j = {{"id", FormatId(e.id)}, {"name", e.name}, {"type", EntityTypeName(e.type)}};
  if (!e.aliases.empty()) j["aliases"] = e.aliases;
  if (!e.roles.empty()) {
    json roles = json::array();
    for (const auto& r : e.roles) {
      json role = {{"title", r.title}, {"from", TimeToJson(r.from)}, {"to", TimeToJson(r.to)}};
      if (r.of) role["of"] = FormatId(r.of);
      roles.push_back(std::move(role));
    }
    j["roles"] = std::move(roles);
  }
  if (e.parent) j["parent"] = FormatId(e.parent);
  return j;
}

json PropositionToJson(const Proposition& p) {
  json args = json::array();
  for (const Argument& a : p.arguments) {
    if (a.entity != 0) {
      args.push_back({{"role", a.role}, {"id", FormatId(a.entity)}, {"name", a.value}});
    } else {
      args.push_back({{"role", a.role}, {"term", a.value}});
    }
  }
  return {{"id", FormatId(p.id)},         {"text", p.text},        {"predicate", p.predicate},
          {"arguments", std::move(args)}, {"concept", p.concept_name}, {"key", p.key}};
}

json DocumentToJson(const Document& d, bool with_text) {
  json j = {{"id", FormatId(d.id)},
            {"source", d.source},
            {"title", d.title},
            {"published", TimeToJson(d.published)}};
  if (!d.url.empty()) j["url"] = d.url;
  if (!d.outlet.empty()) j["outlet"] = d.outlet;
  if (with_text) {
    j["ingested"] = TimeToJson(d.ingested);
    j["text"] = d.text;
    if (!d.furniture.empty()) {
      json furniture = json::array();
      for (const Span& f : d.furniture) furniture.push_back(SpanToJson(f));
      j["furniture"] = std::move(furniture);
    }
  }
  return j;
}

std::string ClaimRecordToJson(const ClaimRecord& r) {
  const Mention& m = r.mention;
  json j;
  j["claim_id"] = FormatId(r.claim.id);
  j["doc"] = DocumentToJson(r.document, /*with_text=*/false);
  j["holder"] = {{"id", FormatId(r.holder.id)},
                 {"name", r.holder.name},
                 {"type", EntityTypeName(r.holder.type)}};
  j["predicate"] = m.predicate;
  j["polarity"] = r.claim.polarity;
  j["proposition"] = PropositionToJson(r.proposition);
  j["object_text"] = m.object_text;
  j["hedged"] = m.hedged;
  j["conditional"] = m.conditional;
  j["condition"] = m.condition.empty() ? json(nullptr) : json(m.condition);
  j["spans"] = {{"sentence", SpanToJson(m.sentence)},
                {"holder", SpanToJson(m.holder_span)},
                {"cue", SpanToJson(m.cue)},
                {"content", SpanToJson(m.content)}};
  // Round to 4 decimals so the float survives a text round trip unchanged.
  j["confidence"] = std::round(double(m.confidence) * 10000.0) / 10000.0;
  j["made"] = TimeToJson(m.made);
  j["ordinal"] = m.ordinal;
  j["extractor"] = m.extractor;
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

absl::StatusOr<ClaimRecord> ClaimRecordFromJson(std::string_view line) {
  json j = json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return absl::InvalidArgumentError("not valid JSON");
  try {
    return FromJson(j);
  } catch (const json::exception& e) {
    return absl::InvalidArgumentError(e.what());
  }
}

}  // namespace stancegraph::schema
