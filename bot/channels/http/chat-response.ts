import type { Answer, AnswerType, Citation, ContactHint } from '../../answering/types.js';

/** A citation as the public API shows it (no internal ids or scores). */
export interface PublicCitation {
  n: number;
  title: string;
  url?: string;
  updated?: string;
  passage: string;
  headingPath: string[];
}

/** Body of a JSON chat answer, and the data of the SSE `end` event. */
export interface ChatResponse {
  conversationId: string;
  messageId: string;
  type: AnswerType;
  text: string;
  citations: PublicCitation[];
  contact?: ContactHint;
}

export function toPublicCitations(citations: Citation[]): PublicCitation[] {
  return citations.map((citation) => ({
    n: citation.n,
    title: citation.title,
    ...(citation.url !== undefined && { url: citation.url }),
    ...(citation.updated !== undefined && { updated: citation.updated }),
    passage: citation.passage,
    headingPath: citation.headingPath,
  }));
}

export function toChatResponse(
  ids: { conversationId: string; messageId: string },
  answer: Answer,
): ChatResponse {
  return {
    conversationId: ids.conversationId,
    messageId: ids.messageId,
    type: answer.type,
    text: answer.text,
    citations: toPublicCitations(answer.citations),
    ...(answer.contact !== undefined && { contact: answer.contact }),
  };
}
