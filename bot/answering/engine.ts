import type { CityProfile } from '../../config/city-profile.js';
import type { Logger } from '../../config/logger.js';
import type { Passage } from '../../knowledge/types.js';
import { detectAspects } from './aspects.js';
import { contactText, emergencyText, pickContact, smalltalkText } from './canned.js';
import { composeExtractive } from './compose-extractive.js';
import { composeWithLlm } from './compose-llm.js';
import { resolveFollowUp } from './followup.js';
import { detectEmergency } from './guards/emergency.js';
import { detectHardOutOfScope, detectSoftOutOfScope } from './guards/out-of-scope.js';
import { detectSmalltalk, stripGreeting } from './guards/smalltalk.js';
import { detectLanguage, type Language } from './language.js';
import type { KnowledgePort, LlmPort } from './ports.js';
import { retrieveBest, stripPlaceholders, toEvidence } from './retrieve.js';
import { splitForStreaming } from './stream-text.js';
import { textsFor, type Texts } from './texts/index.js';
import type {
  Answer,
  AnswerEngine,
  AnswerEvent,
  AnswerRequest,
  AnswerType,
  EvidencePassage,
} from './types.js';

export interface EngineOptions {
  /** Passages retrieved per question. */
  searchK: number;
  /** Minimum topic coverage for an answer (see gate.ts). */
  minCoverage: number;
  llmTimeoutMs: number;
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = { searchK: 12, minCoverage: 0.5, llmTimeoutMs: 20_000 };

export interface EngineDeps {
  knowledge: KnowledgePort;
  profile: CityProfile;
  llm?: LlmPort;
  logger?: Logger;
  /** Detects personal data in a message (bot/privacy); the answer then asks not to share it. */
  containsPersonalData?: (text: string) => boolean;
  /** Redacts personal data before a message goes to an LLM. */
  redact?: (text: string) => string;
  options?: Partial<EngineOptions>;
}

/** A decided answer before text streaming; `llm` is set when a model should phrase it. */
interface Decision {
  answer: Answer;
  llm?: { question: string; passages: Passage[] };
}

/**
 * The answering pipeline: emergencies first, then refusals of manipulation, small talk,
 * follow-up resolution, hybrid retrieval, the relevance gate and grounded composition.
 * One engine serves the widget, Teams and the evals.
 */
export function createAnswerEngine(deps: EngineDeps): AnswerEngine {
  const options = { ...DEFAULT_ENGINE_OPTIONS, ...deps.options };
  const { profile, knowledge } = deps;

  const base = (lang: Language, resolvedQuestion: string) => ({
    citations: [],
    evidence: [],
    resolvedQuestion,
    confidence: 1,
    mode: 'canned' as const,
    lang,
  });

  const withPrivacyNote = (answer: Answer, message: string, texts: Texts): Answer =>
    deps.containsPersonalData?.(message) && answer.type !== 'emergency'
      ? { ...answer, text: `${answer.text}\n\n${texts.piiNotice}` }
      : answer;

  const refusal = (
    type: AnswerType,
    lead: string,
    question: string,
    lang: Language,
    texts: Texts,
    confidence: number,
    evidence: EvidencePassage[],
  ): Answer => {
    const contact = pickContact(question, profile);
    return {
      ...base(lang, question),
      type,
      text: `${lead}\n\n${contactText(contact, profile, texts)}`,
      contact,
      confidence,
      evidence,
    };
  };

  async function decide(request: AnswerRequest): Promise<Decision> {
    const message = request.message.trim();
    const lang = detectLanguage(message, request.lang);
    const texts = textsFor(lang);

    const emergency = detectEmergency(message);
    if (emergency.length > 0) {
      return {
        answer: { ...base(lang, message), type: 'emergency', text: emergencyText(emergency, profile, texts) },
      };
    }
    const hard = detectHardOutOfScope(message);
    if (hard) {
      const text = `${texts.outOfScope[hard](profile.genitive)}`;
      return { answer: { ...base(lang, message), type: 'out_of_scope', text } };
    }
    const smalltalk = detectSmalltalk(message);
    if (smalltalk) {
      return {
        answer: { ...base(lang, message), type: 'smalltalk', text: smalltalkText(smalltalk, profile, texts) },
      };
    }

    // Personal data never reaches retrieval (or an LLM): it names nothing the pages cover.
    const searchable = stripPlaceholders(deps.redact?.(message) ?? message);
    const chosen = await retrieveBest(
      resolveFollowUp(stripGreeting(searchable), request.history).slice(0, 3),
      {
        lang,
        knowledge,
        searchK: options.searchK,
        gate: { cityName: profile.name, otherPlaces: profile.otherPlaces, minCoverage: options.minCoverage },
        signal: request.signal,
      },
    );
    const { verdict, passages, search } = chosen;
    const evidence = passages.map(toEvidence);

    if (verdict.kind === 'other_place') {
      return {
        answer: refusal(
          'no_answer',
          // The profile's own city is "another place" only when the pages are about a different one.
          verdict.place === profile.name
            ? texts.noAnswer(profile.genitive)
            : texts.otherPlace(verdict.place, profile.genitive),
          search,
          lang,
          texts,
          0,
          evidence,
        ),
      };
    }
    if (verdict.kind === 'no_answer') {
      const soft = detectSoftOutOfScope(message);
      if (soft) {
        return {
          answer: {
            ...base(lang, chosen.question),
            type: 'out_of_scope',
            text: texts.outOfScope[soft](profile.genitive),
            evidence,
          },
        };
      }
      return {
        answer: refusal(
          'no_answer',
          texts.noAnswer(profile.genitive),
          search,
          lang,
          texts,
          verdict.confidence,
          evidence,
        ),
      };
    }

    // Misspelt aspect words count once corrected ("Gebüren" → gebuhr).
    const aspects = detectAspects(`${search} ${verdict.corrections.join(' ')}`);
    const extractive = composeExtractive({
      question: search,
      originalQuestion: chosen.question,
      lang,
      cityName: profile.name,
      heads: verdict.heads,
      focus: chosen.question !== searchable ? stripGreeting(searchable) : undefined,
      aspects,
      documents: verdict.documents,
      passages,
      knowledge,
      minCoverage: options.minCoverage,
      preface: lang === 'de' ? undefined : texts.germanSourcesNote,
    });
    if (extractive.citations.length === 0) {
      return {
        answer: refusal('no_answer', texts.noAnswer(profile.genitive), search, lang, texts, 0, evidence),
      };
    }
    const answer: Answer = {
      type: 'answer',
      text: extractive.text,
      citations: extractive.citations,
      evidence,
      // What was searched: the follow-up resolved and, for other languages, translated.
      resolvedQuestion: search,
      confidence: verdict.confidence,
      mode: 'extractive',
      lang,
    };
    if (!deps.llm) return { answer };
    // The model sees the pages the gate chose first (and the cited sections among them), so
    // it is not tempted by a neighbouring service's figures further down the ranking.
    const cited = new Set(
      extractive.citations.flatMap((citation) => [citation.docId, ...knowledge.siblings(citation.docId)]),
    );
    const ordered = [
      ...passages.filter((passage) => cited.has(passage.docId)),
      ...passages.filter((passage) => !cited.has(passage.docId)),
    ];
    return { answer, llm: { question: chosen.question, passages: ordered } };
  }

  async function* stream(request: AnswerRequest): AsyncGenerator<AnswerEvent> {
    const texts = textsFor(detectLanguage(request.message, request.lang));
    const decision = await decide(request);
    if (decision.llm && deps.llm) {
      yield* composeWithLlm({
        llm: deps.llm,
        fallback: withPrivacyNote(decision.answer, request.message, texts),
        question: decision.llm.question,
        history: request.history,
        passages: decision.llm.passages,
        profile,
        appendix: deps.containsPersonalData?.(request.message) ? texts.piiNotice : undefined,
        redact: deps.redact ?? ((text) => text),
        timeoutMs: options.llmTimeoutMs,
        signal: request.signal,
        logger: deps.logger,
      });
      return;
    }
    const answer = withPrivacyNote(decision.answer, request.message, texts);
    yield { type: 'sources', answerType: answer.type, citations: answer.citations };
    for (const delta of splitForStreaming(answer.text)) {
      request.signal?.throwIfAborted();
      yield { type: 'text-delta', delta };
    }
    yield { type: 'end', answer };
  }

  return {
    stream,
    async answer(request) {
      let final: Answer | undefined;
      for await (const event of stream(request)) {
        if (event.type === 'end') final = event.answer;
        if (event.type === 'error') throw new Error(event.message);
      }
      if (!final) throw new Error('the answer stream ended without an answer');
      return final;
    },
  };
}
