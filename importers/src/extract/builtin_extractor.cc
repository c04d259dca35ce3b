// The built-in extractor: runs the pipeline stages over one article and
// assembles claims with their mentions.
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/attribution.h"
#include "extract/entities.h"
#include "extract/proposition.h"
#include "extract/sentences.h"
#include "extract/stance.h"
#include "extract/text.h"
#include "stancegraph/importers/extractor.h"
#include "stancegraph/schema/ids.h"

namespace stancegraph::importers {
namespace {

using namespace extract;  // NOLINT: the stages of this pipeline

// Stores beside the holders the lexicon entities their roles belong to and
// the countries above government bodies among them: queries read a holder
// as the organisation or state it speaks for through these records.
void AddEntitiesSpokenFor(const Lexicon& lexicon, std::vector<schema::Entity>& entities) {
  std::unordered_set<schema::EntityId> have;
  for (const schema::Entity& e : entities) have.insert(e.id);
  for (size_t i = 0; i < entities.size(); ++i) {  // grows as it goes
    std::vector<schema::EntityId> targets;
    for (const schema::Role& r : entities[i].roles) targets.push_back(r.of);
    if (entities[i].type == schema::EntityType::kGovernment) targets.push_back(entities[i].parent);
    for (schema::EntityId id : targets) {
      if (id == 0 || !have.insert(id).second) continue;
      const int k = lexicon.IndexOf(id);
      if (k >= 0) entities.push_back(lexicon.entities()[k].entity);
    }
  }
}

class BuiltinExtractor : public Extractor {
 public:
  BuiltinExtractor(std::shared_ptr<const Lexicon> lexicon, size_t max_sentence_bytes)
      : lexicon_(std::move(lexicon)), max_sentence_bytes_(max_sentence_bytes) {}

  std::string name() const override { return "builtin"; }

  absl::Status Extract(const Article& article, schema::DocumentClaims* out) override {
    out->document = article.document;
    out->document.furniture = article.furniture;
    out->entities.clear();
    out->propositions.clear();
    out->claims.clear();
    out->mentions.clear();
    const schema::Document& doc = out->document;
    if (doc.text.size() >= (1u << 31)) return absl::InvalidArgumentError("document too large");
    // Furniture is blanked (same length) so spans keep indexing the text.
    std::string text = doc.text;
    for (const schema::Span& f : article.furniture) {
      for (uint32_t k = f.begin; k < f.end && k < text.size(); ++k) {
        if (text[k] != '\n') text[k] = ' ';
      }
    }
    const NormalizedText norm = Normalize(text);
    std::vector<Token> tokens = Tokenize(norm.text);
    ClassifyTokens(*lexicon_, &tokens);
    const std::vector<Sentence> sentences = SplitSentences(tokens, max_sentence_bytes_);
    DocEntities entities(*lexicon_);
    const std::vector<EntityRef> refs =
        TagEntities(norm.text, tokens, sentences, *lexicon_, doc.published, &entities);
    const std::vector<Attribution> attributions =
        FindAttributions({norm.text, &tokens, &sentences, &refs, lexicon_.get(), &entities});
    std::unordered_map<schema::EntityId, size_t> entity_seen;
    std::unordered_map<schema::PropositionId, size_t> prop_seen;
    std::unordered_map<schema::ClaimId, size_t> claim_seen;
    auto span = [&](uint32_t first, uint32_t last) -> std::optional<schema::Span> {
      if (last <= first) return std::nullopt;
      return norm.ToOriginal(tokens[first].begin, tokens[last - 1].end);
    };
    for (const Attribution& a : attributions) {
      if (a.holder < 0) continue;
      const Stance st = AnalyzeStance(tokens, a, *lexicon_);
      const BuiltProposition bp =
          BuildProposition({norm.text, &tokens, &refs, &entities, lexicon_.get()}, st);
      if (bp.proposition.text.empty()) continue;
      const schema::Entity& holder = entities.entity(a.holder);
      if (entity_seen.emplace(holder.id, out->entities.size()).second) {
        out->entities.push_back(holder);
      }
      if (prop_seen.emplace(bp.proposition.id, out->propositions.size()).second) {
        out->propositions.push_back(bp.proposition);
      }
      schema::Claim claim;
      claim.holder = holder.id;
      claim.proposition = bp.proposition.id;
      claim.polarity = static_cast<int8_t>(bp.reversed ? -st.polarity : st.polarity);
      claim.id = schema::MakeClaimId(claim.holder, claim.proposition, claim.polarity);
      if (claim_seen.emplace(claim.id, out->claims.size()).second) out->claims.push_back(claim);
      schema::Mention m;
      m.claim = claim.id;
      m.document = doc.id;
      m.ordinal = static_cast<uint32_t>(out->mentions.size());
      const Sentence& s = sentences[a.sentence];
      m.sentence = span(s.first, s.last);
      m.holder_span = span(a.holder_first, a.holder_last);
      m.cue = span(a.cue_first, a.cue_last);
      m.content = span(a.content_first, a.content_last);
      if (a.cue_last > a.cue_first) {
        const schema::Span p = norm.ToOriginal(tokens[a.predicate_first].begin, tokens[a.cue_last - 1].end);
        m.predicate = doc.text.substr(p.begin, p.end - p.begin);
      }
      m.object_text = bp.object_text;
      m.hedged = st.hedged;
      m.conditional = st.conditional;
      if (st.conditional && st.condition_last > st.condition_first) {
        const schema::Span c = *span(st.condition_first, st.condition_last);
        m.condition = doc.text.substr(c.begin, c.end - c.begin);
      }
      m.confidence = a.cue < 0 ? 0.5f : (a.holder_last > a.holder_first ? 0.8f : 0.6f);
      m.extractor = "builtin";
      m.made = doc.published;
      out->mentions.push_back(std::move(m));
    }
    AddEntitiesSpokenFor(*lexicon_, out->entities);
    return absl::OkStatus();
  }

 private:
  std::shared_ptr<const Lexicon> lexicon_;
  size_t max_sentence_bytes_;
};

}  // namespace

std::unique_ptr<Extractor> MakeBuiltinExtractor(std::shared_ptr<const Lexicon> lexicon,
                                                const SourceOptions& options) {
  return std::make_unique<BuiltinExtractor>(std::move(lexicon), options.max_sentence_bytes);
}

}  // namespace stancegraph::importers
