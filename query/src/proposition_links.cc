#include "stancegraph/query/proposition_links.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "stancegraph/schema/ids.h"

namespace stancegraph::query {
namespace {

// Predicate classes that state the opposite of what they govern: a claim
// on "stop>X" (ban, halt, suspend, refrain) is a claim against X.
bool Negator(std::string_view p) { return p == "stop"; }

struct Item {
  schema::PropositionId id = 0;
  std::string predicate;
  std::string base;  // the predicate without its leading negators
  int negators = 0;
  std::vector<std::string> args;  // sorted: "a:<id>", "o:<id>", "t:<term>"
  std::vector<std::string> entities;  // sorted entity args only
  std::set<std::string> terms;
};

bool Subset(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return std::includes(b.begin(), b.end(), a.begin(), a.end());
}

std::string Describe(const std::vector<std::string>& extra) {
  std::vector<std::string> out;
  for (const std::string& e : extra) out.push_back(e.substr(2));
  return absl::StrJoin(out, ", ");
}

// Union-find where each member records the sign between it and its parent.
class SignedSets {
 public:
  explicit SignedSets(size_t n) : parent_(n), sign_(n, 1) {
    for (size_t i = 0; i < n; ++i) parent_[i] = i;
  }
  std::pair<size_t, int8_t> Find(size_t x) {
    if (parent_[x] == x) return {x, 1};
    const auto [root, s] = Find(parent_[x]);
    parent_[x] = root;
    sign_[x] = static_cast<int8_t>(sign_[x] * s);
    return {root, sign_[x]};
  }
  // A claim on `a` is `s` times a claim on `b`. False when `a` and `b` are
  // already joined with the other sign (the link is then dropped).
  bool Unite(size_t a, size_t b, int8_t s) {
    const auto [ra, sa] = Find(a);
    const auto [rb, sb] = Find(b);
    if (ra == rb) return sa == s * sb;
    parent_[ra] = rb;
    sign_[ra] = static_cast<int8_t>(sa * s * sb);
    return true;
  }

 private:
  std::vector<size_t> parent_;
  std::vector<int8_t> sign_;
};

Item Parse(const schema::Proposition& p) {
  Item it;
  it.id = p.id;
  it.predicate = p.predicate;
  std::vector<std::string> chain = absl::StrSplit(p.predicate, '>', absl::SkipEmpty());
  size_t k = 0;
  while (k + 1 < chain.size() && Negator(chain[k])) ++k;
  it.negators = static_cast<int>(k);
  it.base = absl::StrJoin(chain.begin() + static_cast<long>(k), chain.end(), ">");
  for (const schema::Argument& a : p.arguments) {
    if (a.entity != 0) {
      const std::string v = absl::StrCat(a.role == "agent" ? "a:" : "o:", schema::FormatId(a.entity));
      it.args.push_back(v);
      it.entities.push_back(v);
    } else {
      it.args.push_back("t:" + a.value);
      it.terms.insert(a.value);
    }
  }
  std::sort(it.args.begin(), it.args.end());
  it.args.erase(std::unique(it.args.begin(), it.args.end()), it.args.end());
  std::sort(it.entities.begin(), it.entities.end());
  it.entities.erase(std::unique(it.entities.begin(), it.entities.end()), it.entities.end());
  return it;
}

class Linker {
 public:
  Linker(std::vector<Item> items, const PropositionLinkOptions& options)
      : items_(std::move(items)), options_(options), sets_(items_.size()) {}

  void Run() {
    std::map<std::string, std::vector<size_t>> by_predicate, by_base, free_text;
    for (size_t i = 0; i < items_.size(); ++i) {
      const Item& it = items_[i];
      if (it.predicate.empty()) {
        free_text[absl::StrJoin(it.entities, ",")].push_back(i);
      } else {
        by_predicate[it.predicate].push_back(i);
        by_base[it.base].push_back(i);
      }
    }
    for (const auto& [predicate, members] : by_predicate) Refinements(members);
    for (const auto& [base, members] : by_base) Opposites(members);
    for (const auto& [entities, members] : free_text) SameWords(members);
  }

  std::vector<PropositionLink> links;
  SignedSets& sets() { return sets_; }
  const std::vector<Item>& items() const { return items_; }

 private:
  void Link(size_t from, size_t to, int8_t sign, std::string reason) {
    if (!sets_.Unite(from, to, sign)) return;
    links.push_back({items_[from].id, items_[to].id, sign, std::move(reason)});
  }

  // "a ceasefire" reads as "a Gaza ceasefire" when that is the only more
  // specific statement of it: every proposition saying more must say it
  // compatibly (each contains the other).
  void Refinements(const std::vector<size_t>& members) {
    if (members.size() < 2 || members.size() > options_.max_compared) return;
    for (size_t i : members) {
      const Item& a = items_[i];
      std::vector<size_t> more;
      for (size_t j : members) {
        if (j != i && items_[j].args.size() > a.args.size() && Subset(a.args, items_[j].args)) {
          more.push_back(j);
        }
      }
      if (more.empty()) continue;
      std::sort(more.begin(), more.end(),
                [&](size_t x, size_t y) { return items_[x].args.size() < items_[y].args.size(); });
      bool chain = true;
      for (size_t k = 0; k + 1 < more.size() && chain; ++k) {
        chain = Subset(items_[more[k]].args, items_[more[k + 1]].args);
      }
      if (!chain) continue;
      const size_t to = more.back();
      std::vector<std::string> extra;
      std::set_difference(items_[to].args.begin(), items_[to].args.end(), a.args.begin(),
                          a.args.end(), std::back_inserter(extra));
      Link(i, to, 1,
           absl::StrCat("same predicate ", a.predicate, "; the other also names ", Describe(extra)));
    }
  }

  // "a ban on X" (stop>X) and X: opposite sides of one proposition, when X
  // is stated with compatible arguments.
  void Opposites(const std::vector<size_t>& members) {
    if (members.size() < 2 || members.size() > options_.max_compared) return;
    for (size_t i : members) {
      const Item& a = items_[i];
      if (a.negators == 0) continue;
      // An index into items_, like j; kNone until a candidate is found.
      constexpr size_t kNone = std::numeric_limits<size_t>::max();
      size_t best = kNone;
      size_t best_overlap = 0;
      for (size_t j : members) {
        const Item& b = items_[j];
        if (b.negators >= a.negators) continue;
        if (!Subset(a.args, b.args) && !Subset(b.args, a.args)) continue;
        std::vector<std::string> common;
        std::set_intersection(a.args.begin(), a.args.end(), b.args.begin(), b.args.end(),
                              std::back_inserter(common));
        if (best == kNone || common.size() > best_overlap ||
            (common.size() == best_overlap && b.negators < items_[best].negators)) {
          best = j;
          best_overlap = common.size();
        }
      }
      if (best == kNone) continue;
      const int8_t sign = (a.negators - items_[best].negators) % 2 == 1 ? -1 : 1;
      Link(i, best, sign,
           absl::StrCat(a.predicate, " states ", sign < 0 ? "the opposite of " : "",
                        items_[best].predicate, " with the same arguments"));
    }
  }

  // Free text naming the same entities in mostly the same words.
  void SameWords(const std::vector<size_t>& members) {
    if (members.size() < 2 || members.size() > options_.max_compared) return;
    for (size_t x = 0; x < members.size(); ++x) {
      for (size_t y = x + 1; y < members.size(); ++y) {
        const Item& a = items_[members[x]];
        const Item& b = items_[members[y]];
        if (a.terms.empty() || b.terms.empty()) continue;
        size_t common = 0;
        for (const std::string& t : a.terms) common += b.terms.count(t);
        const double jaccard =
            static_cast<double>(common) / static_cast<double>(a.terms.size() + b.terms.size() - common);
        if (jaccard < options_.min_word_overlap) continue;
        Link(members[x], members[y], 1,
             absl::StrCat("the same entities and ", common, " of ",
                          a.terms.size() + b.terms.size() - common, " content words"));
      }
    }
  }

  std::vector<Item> items_;
  PropositionLinkOptions options_;
  SignedSets sets_;
};

}  // namespace

absl::StatusOr<PropositionLinks> PropositionLinks::Build(engine::Database& db,
                                                         const PropositionLinkOptions& options) {
  std::vector<Item> items;
  auto it = db.Propositions({.snapshot = options.snapshot});
  for (; it->Valid(); it->Next()) {
    const schema::Proposition& p = it->value();
    if (p.predicate.empty() && p.arguments.empty()) continue;  // free text without words
    items.push_back(Parse(p));
  }
  if (!it->status().ok()) return it->status();
  PropositionLinks out;
  if (items.size() < 2) return out;
  Linker linker(std::move(items), options);
  linker.Run();
  out.links_ = std::move(linker.links);
  // Reasons name entities as people read them, not by id.
  std::unordered_map<std::string, std::string> names;
  for (PropositionLink& link : out.links_) {
    std::string& r = link.reason;
    for (size_t k = 0; k + 16 <= r.size(); ++k) {
      if ((k > 0 && std::isxdigit(static_cast<unsigned char>(r[k - 1]))) ||
          (k + 16 < r.size() && std::isxdigit(static_cast<unsigned char>(r[k + 16])))) {
        continue;
      }
      const std::string hex = r.substr(k, 16);
      if (!std::all_of(hex.begin(), hex.end(),
                       [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); })) {
        continue;
      }
      auto found = names.find(hex);
      if (found == names.end()) {
        std::string name = hex;
        if (const std::optional<uint64_t> id = schema::ParseId(hex); id.has_value()) {
          if (absl::StatusOr<schema::Entity> e = db.GetEntity(*id, {.snapshot = options.snapshot});
              e.ok() && !e->name.empty()) {
            name = e->name;
          }
        }
        found = names.emplace(hex, std::move(name)).first;
      }
      r.replace(k, 16, found->second);
      k += found->second.size() - 1;
    }
  }
  const auto& all = linker.items();
  for (size_t i = 0; i < all.size(); ++i) {
    const auto [root, sign] = linker.sets().Find(i);
    if (root == i) continue;
    out.resolved_[all[i].id] = {all[root].id, sign};
  }
  for (size_t i = 0; i < out.links_.size(); ++i) out.link_of_[out.links_[i].from] = i;
  return out;
}

std::vector<PropositionLink> PropositionLinks::Group(schema::PropositionId representative) const {
  std::vector<PropositionLink> out;
  for (const auto& [member, target] : resolved_) {
    if (target.first != representative) continue;
    PropositionLink link{.from = member, .to = representative, .sign = target.second};
    if (const PropositionLink* direct = LinkOf(member); direct != nullptr) {
      link.reason = direct->reason;
    }
    out.push_back(std::move(link));
  }
  std::sort(out.begin(), out.end(),
            [](const PropositionLink& a, const PropositionLink& b) { return a.from < b.from; });
  return out;
}

const PropositionLink* PropositionLinks::LinkOf(schema::PropositionId p) const {
  const auto it = link_of_.find(p);
  return it == link_of_.end() ? nullptr : &links_[it->second];
}

}  // namespace stancegraph::query
