// The built-in extractor: runs the pipeline stages over one article and
// assembles claims with their mentions: the holder's own, and those of the
// holders its content reports ("rejects Russia's demand to ...").
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/attribution.h"
#include "extract/entities.h"
#include "extract/frame.h"
#include "extract/morphology.h"
#include "extract/proposition.h"
#include "extract/rebuttals.h"
#include "extract/sentences.h"
#include "extract/stance.h"
#include "extract/text.h"
#include "stancegraph/importers/extractor.h"
#include "stancegraph/schema/ids.h"

namespace stancegraph::importers {
namespace {

using namespace extract;  // NOLINT: the stages of this pipeline

// Confidence of a claim read from a noun or verb inside another holder's
// content ("Russian demand"), below a reported statement's 0.8.
constexpr float kEmbeddedConfidence = 0.7f;

// Cues after which an act named without its agent is the holder's own:
// "denies hacking", "rejects allegations of delays", "defends the decision".
bool SelfCue(const Cue& cue) {
  return cue.kind == "deny" || cue.kind == "reject" || cue.lemma == "defend";
}

// The content as written, without its condition: a mention's object text.
std::string Written(const NormalizedText& norm, const std::vector<Token>& tokens,
                    const std::string& text, const Stance& st) {
  uint32_t b = st.prop_first, e = st.prop_last;
  while (b < e && (tokens[b].lower == "," || tokens[b].lower == ":" || tokens[b].lower == "that")) ++b;
  while (e > b && (tokens[e - 1].kind == TokenKind::kPunct)) --e;
  if (e <= b) return "";
  const schema::Span s = norm.ToOriginal(tokens[b].begin, tokens[e - 1].end);
  std::string out = text.substr(s.begin, s.end - s.begin);
  if (out.size() > 400) out.resize(400);
  return out;
}

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
      : lexicon_(std::move(lexicon)), morphology_(*lexicon_), max_sentence_bytes_(max_sentence_bytes) {}

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
    morphology_.Trim();
    ClassifyTokens(*lexicon_, &tokens, &morphology_);
    const std::vector<Sentence> sentences = SplitSentences(tokens, max_sentence_bytes_);
    DocEntities entities(*lexicon_);
    const std::vector<EntityRef> refs =
        TagEntities(norm.text, tokens, sentences, *lexicon_, doc.published, &entities);
    const std::vector<Attribution> attributions =
        FindAttributions({norm.text, &tokens, &sentences, &refs, lexicon_.get(), &entities,
                          &morphology_});
    Assembler assembler{*this, doc, norm, tokens, sentences, entities, out};
    const FrameInput fin{norm.text, &tokens, &refs, lexicon_.get(), &entities, &morphology_};
    const PropositionInput pin{norm.text, &tokens, &refs, &entities, lexicon_.get(), &morphology_};
    RecentClaims recent;
    auto remember = [&](int holder, uint32_t sentence, schema::PropositionId prop, int polarity) {
      recent.Add({holder, sentence, assembler.prop_seen.at(prop), polarity});
    };
    for (const Attribution& a : attributions) {
      if (a.holder < 0) continue;
      const Stance st = AnalyzeStance(tokens, a, *lexicon_);
      const Cue* cue = a.cue >= 0 ? &lexicon_->cues()[a.cue] : nullptr;
      // "That is completely untrue", "dismissed the allegation": the claim it answers.
      if (const Anaphor ana = FindAnaphor(tokens, refs, *lexicon_, st.prop_first, st.prop_last);
          ana.found) {
        if (const RecentClaims::Entry* target = recent.Find(a.holder, ana.possessor, a.sentence)) {
          BuiltProposition bp;
          bp.proposition = out->propositions[target->proposition];
          bp.object_text = Written(norm, tokens, doc.text, st);
          const int polarity = st.polarity * (st.negated ? -1 : 1) * target->polarity;
          assembler.Add(a, st, bp, polarity);
          remember(a.holder, a.sentence, bp.proposition.id, polarity);
          continue;
        }
      }
      FrameOptions fo;
      fo.holder = a.holder;
      fo.controller = a.addressee >= 0 ? a.addressee : a.holder;
      fo.nominal_agent = a.addressee;
      if (cue != nullptr && SelfCue(*cue)) {
        // A government denying an act denies its state's: "Putin denies plans to ...".
        const int state = entities.StateOf(a.holder, doc.published);
        fo.self = state >= 0 ? state : a.holder;
        fo.self_in_claims_only = cue->kind == "reject";
      }
      const Frame frame = ParseFrame(fin, st.prop_first, st.prop_last, fo);
      const int content_sign = frame.empty() ? (st.negated ? -1 : 1) : frame.polarity;
      const std::string written = Written(norm, tokens, doc.text, st);
      for (BuiltProposition& bp : BuildPropositions(pin, st, frame)) {
        if (bp.proposition.text.empty()) continue;
        if (!written.empty()) bp.object_text = written;
        assembler.Add(a, st, bp, st.polarity * content_sign);
        remember(a.holder, a.sentence, bp.proposition.id, st.polarity * content_sign);
        for (const EmbeddedClaim& ec : frame.embedded) {
          // "bans by Poland and Hungary": each holder with its own conjunct.
          if (ec.conjunct_group >= 0 && ec.conjunct_group == bp.conjunct_group &&
              ec.holder != bp.conjunct) {
            continue;
          }
          if (ec.holder == a.holder) continue;
          assembler.AddEmbedded(a, st, bp, ec);
          remember(ec.holder, a.sentence, bp.proposition.id, ec.polarity);
        }
      }
    }
    AddEntitiesSpokenFor(*lexicon_, out->entities);
    return absl::OkStatus();
  }

 private:
  // Collects entities, propositions, claims and mentions, each once.
  struct Assembler {
    const BuiltinExtractor& self;
    const schema::Document& doc;
    const NormalizedText& norm;
    const std::vector<Token>& tokens;
    const std::vector<Sentence>& sentences;
    const DocEntities& entities;
    schema::DocumentClaims* out;
    std::unordered_map<schema::EntityId, size_t> entity_seen{};
    std::unordered_map<schema::PropositionId, size_t> prop_seen{};
    std::unordered_map<schema::ClaimId, size_t> claim_seen{};

    std::optional<schema::Span> Span(uint32_t first, uint32_t last) const {
      if (last <= first) return std::nullopt;
      return norm.ToOriginal(tokens[first].begin, tokens[last - 1].end);
    }

    schema::Mention& NewMention(int holder, const BuiltProposition& bp, int polarity,
                                const Attribution& a) {
      const schema::Entity& h = entities.entity(holder);
      if (entity_seen.emplace(h.id, out->entities.size()).second) out->entities.push_back(h);
      // Entities named as arguments are stored too, so queries can name them.
      for (const schema::Argument& arg : bp.proposition.arguments) {
        if (arg.entity == 0 || entity_seen.count(arg.entity)) continue;
        for (const schema::Entity& e : entities.all()) {
          if (e.id != arg.entity) continue;
          entity_seen.emplace(e.id, out->entities.size());
          out->entities.push_back(e);
          break;
        }
      }
      if (prop_seen.emplace(bp.proposition.id, out->propositions.size()).second) {
        out->propositions.push_back(bp.proposition);
      }
      schema::Claim claim;
      claim.holder = h.id;
      claim.proposition = bp.proposition.id;
      claim.polarity = static_cast<int8_t>(polarity);
      claim.id = schema::MakeClaimId(claim.holder, claim.proposition, claim.polarity);
      if (claim_seen.emplace(claim.id, out->claims.size()).second) out->claims.push_back(claim);
      schema::Mention m;
      m.claim = claim.id;
      m.document = doc.id;
      m.ordinal = static_cast<uint32_t>(out->mentions.size());
      const Sentence& s = sentences[a.sentence];
      m.sentence = Span(s.first, s.last);
      m.content = Span(a.content_first, a.content_last);
      m.object_text = bp.object_text;
      m.extractor = "builtin";
      m.made = doc.published;
      out->mentions.push_back(std::move(m));
      return out->mentions.back();
    }

    void Add(const Attribution& a, const Stance& st, const BuiltProposition& bp, int polarity) {
      schema::Mention& m = NewMention(a.holder, bp, polarity, a);
      m.holder_span = Span(a.holder_first, a.holder_last);
      m.cue = Span(a.cue_first, a.cue_last);
      if (a.cue_last > a.cue_first) {
        const schema::Span p =
            norm.ToOriginal(tokens[a.predicate_first].begin, tokens[a.cue_last - 1].end);
        m.predicate = doc.text.substr(p.begin, p.end - p.begin);
      }
      m.hedged = st.hedged;
      m.conditional = st.conditional;
      if (st.conditional && st.condition_last > st.condition_first) {
        const schema::Span c = *Span(st.condition_first, st.condition_last);
        m.condition = doc.text.substr(c.begin, c.end - c.begin);
      }
      m.confidence = a.cue < 0 ? 0.5f : (a.holder_last > a.holder_first ? 0.8f : 0.6f);
    }

    void AddEmbedded(const Attribution& a, const Stance& st, const BuiltProposition& bp,
                     const EmbeddedClaim& ec) {
      schema::Mention& m = NewMention(ec.holder, bp, ec.polarity, a);
      m.holder_span = Span(ec.holder_first, ec.holder_last);
      m.cue = Span(ec.cue_first, ec.cue_last);
      if (m.cue) m.predicate = doc.text.substr(m.cue->begin, m.cue->end - m.cue->begin);
      m.hedged = ec.hedged || st.hedged;
      m.confidence = kEmbeddedConfidence;
    }
  };

  std::shared_ptr<const Lexicon> lexicon_;
  Morphology morphology_;
  size_t max_sentence_bytes_;
};

}  // namespace

std::unique_ptr<Extractor> MakeBuiltinExtractor(std::shared_ptr<const Lexicon> lexicon,
                                                const SourceOptions& options) {
  return std::make_unique<BuiltinExtractor>(std::move(lexicon), options.max_sentence_bytes);
}

}  // namespace stancegraph::importers
